// The load generator of the ballot benchmark, in its own process so that it does not
// share a CPU budget with the server's event loop. Reads the sessions the benchmark
// logged in, then, on the same server and one after the other:
// - throughput, closed loop: `rounds` ballot casts per resident with autocannon (the first
//   one a first ballot, the others revotes), then `liveRequests` GET /health/live;
// - latency, open loop: revotes sent on a fixed schedule at each of `rates` per second for
//   `rateSeconds`, whether or not earlier ones have been answered.
// With several `baseUrls` (replicas on the same stores) requests are spread over them evenly.
// Prints every figure as one JSON line. With `warmUp`, only casts and health checks, unmeasured.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { waitUntilCaughtUp } from '../lib/server.mjs';
import { percentile } from '../lib/percentile.mjs';

const { baseUrls, editionId, selections, sessionsFile, warmUp, connections, rounds, liveRequests, rates, rateSeconds } =
  JSON.parse(process.argv[2]);
const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8'));
const ballotPath = `/api/processes/${editionId}/ballot`;
const body = JSON.stringify({ selections });

function count(statuses, status) {
  statuses[status] = (statuses[status] ?? 0) + 1;
}

/**
 * `amount` requests over `connections` connections, as fast as the server answers. Timed
 * from just before the first request is sent to the last answer received, from our own
 * clock: autocannon's own callback waits for its next one-second tick.
 */
function closedLoop({ amount, ...options }) {
  const latencies = [];
  const statuses = {};
  let lastAnswer;
  let errors = 0;
  const started = performance.now();
  const share = (i) => Math.floor(amount / baseUrls.length) + (i < amount % baseUrls.length ? 1 : 0);
  const runs = baseUrls.map(
    (url, i) =>
      new Promise((resolve, reject) => {
        const instance = autocannon(
          { url, connections: Math.ceil(connections / baseUrls.length), amount: share(i), ...options },
          (error, result) => {
            if (error) return reject(error);
            errors += result.errors + result.timeouts;
            resolve();
          },
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          lastAnswer = performance.now();
          latencies.push(responseTime);
          count(statuses, statusCode);
        });
      }),
  );
  return Promise.all(runs).then(() => {
    const seconds = (lastAnswer - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      seconds,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      statuses,
      errors,
    };
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
const targets = baseUrls.map((url) => new URL(url));

/** One revote to replica `n`; resolves with its status, or 0 if it failed without one. */
function cast(session, n) {
  const { hostname, port } = targets[n % targets.length];
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        hostname,
        port,
        method: 'POST',
        path: ballotPath,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
        },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
        response.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/**
 * Revotes at a constant offered `rate` for `seconds`: request i is due at start + i / rate and
 * is sent then (or as soon as the timer allows), however many are still unanswered. Its
 * latency runs from when it was due, so a late send counts against it and a slow server
 * cannot hide its queue by holding the generator back (no coordinated omission).
 */
async function openLoop(rate, seconds) {
  const total = Math.round(rate * seconds);
  const latencies = [];
  const statuses = {};
  const pending = [];
  let answered = 0;
  let maxSendLag = 0;
  const start = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && start + (i * 1000) / rate <= now; i++) {
      const due = start + (i * 1000) / rate;
      maxSendLag = Math.max(maxSendLag, now - due);
      pending.push(
        cast(sessions[i % sessions.length], i).then((status) => {
          count(statuses, status);
          if (status) answered += 1;
          if (status >= 200 && status < 300) latencies.push(performance.now() - due);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return {
    rate,
    sent: total,
    answered,
    // Anything but a 2xx, or no answer at all; latencies are of the 2xx answers.
    failed: total - latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    maxSendLag,
    statuses,
  };
}

/** CPU seconds each replica's process has used so far (all its threads), from its own metrics. */
async function serverCpuSeconds() {
  const seconds = [];
  for (const url of baseUrls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = /^process_cpu_seconds_total (\S+)$/m.exec(text);
    if (!value) throw new Error(`${url}/metrics has no process_cpu_seconds_total`);
    seconds.push(Number(value[1]));
  }
  return seconds;
}

/**
 * Runs a closed loop and adds the CPU it cost per request: each replica's (every thread,
 * until the projections have applied its events), all of them together, and this generator's.
 */
async function withCpu(run) {
  const serverBefore = await serverCpuSeconds();
  const ownBefore = process.cpuUsage();
  const result = await run();
  const own = process.cpuUsage(ownBefore);
  await waitUntilCaughtUp(baseUrls[0]);
  const perReplica = (await serverCpuSeconds()).map(
    (seconds, i) => ((seconds - serverBefore[i]) * 1e6) / result.requests,
  );
  return {
    ...result,
    serverCpuMicros: perReplica.reduce((sum, micros) => sum + micros, 0),
    replicaCpuMicros: perReplica,
    loadCpuMicros: (own.user + own.system) / result.requests,
  };
}

let next = 0;
const castAll = () =>
  closedLoop({
    amount: sessions.length * rounds,
    requests: [
      {
        method: 'POST',
        path: ballotPath,
        setupRequest(request) {
          const session = sessions[next++ % sessions.length];
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              cookie: session.cookie,
              'x-csrf-token': session.csrfToken,
            },
            body,
          };
        },
      },
    ],
  });
const checkLiveness = (amount) => closedLoop({ amount, requests: [{ method: 'GET', path: '/health/live' }] });

if (warmUp) {
  // Only the code paths exercised, nothing measured.
  await castAll();
  await checkLiveness(liveRequests / 4);
  agent.destroy();
  console.log('{}');
} else {
  const casts = await withCpu(castAll);
  const live = await withCpu(() => checkLiveness(liveRequests));
  const openLoops = [];
  for (const rate of rates) openLoops.push(await openLoop(rate, rateSeconds));
  agent.destroy();
  console.log(JSON.stringify({ casts, live, openLoops }));
}
