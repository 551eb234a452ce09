// The load generator of the ballot benchmark, in its own process so that it does not
// share a CPU budget with the server's event loop. Reads the sessions the benchmark
// logged in, drives `rounds` ballot casts per resident with autocannon (the first one
// a first ballot, the others revotes), then GET /health/live
// with the same connections, and prints both sets of figures as one JSON line.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const { baseUrl, editionId, selections, sessionsFile, connections, rounds } = JSON.parse(process.argv[2]);
const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8'));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(options) {
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: baseUrl, connections, ...options }, (error, result) => {
      if (error) return reject(error);
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      resolve({
        requests: result.requests.total,
        seconds,
        perSecond: result.requests.total / seconds,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        statuses,
        errors: result.errors + result.timeouts,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

let next = 0;
const casts = await run({
  amount: sessions.length * rounds,
  requests: [
    {
      method: 'POST',
      path: `/api/processes/${editionId}/ballot`,
      setupRequest(request) {
        const session = sessions[next++ % sessions.length];
        return {
          ...request,
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
          },
          body: JSON.stringify({ selections }),
        };
      },
    },
  ],
});
const live = await run({ amount: sessions.length * rounds, requests: [{ method: 'GET', path: '/health/live' }] });
console.log(JSON.stringify({ casts, live }));
