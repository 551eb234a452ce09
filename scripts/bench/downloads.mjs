// Ballot casts under public download load: the real server (as `npm start` runs it) on a
// fresh embedded store, an edition whose audit export is several MiB (filled by casts and
// revotes over HTTP), then the same number of revotes measured twice: alone, and while 20
// anonymous clients in another process download the whole export again and again. Each
// cast's latency is timed here, from sending to the last byte of the answer; rates are
// counted from the first request sent to the last answer received.
// The login and download limits are raised for the run (RATE_LIMIT_LOGINS, RATE_LIMIT_DOWNLOADS):
// one address logs every resident in, and the figures are to show what serving the downloads
// costs the casts, not how quickly the limit refuses them.
// Settings: BENCH_DOWNLOAD_VOTERS (default 1000), BENCH_DOWNLOAD_FILL (casts per voter
// before measuring, default 16), BENCH_DOWNLOAD_CASTS (casts per measurement, default 2000),
// BENCH_DOWNLOAD_IN_FLIGHT (casts in flight at once, default 8), BENCH_DOWNLOADERS (default 20).
import { once } from 'node:events';
import { logInResidents } from '../lib/residents.mjs';
import { votingEdition } from '../lib/voting-edition.mjs';
import { runNode, startServer } from '../lib/server.mjs';
import { percentile } from '../lib/percentile.mjs';

const voters = Number(process.env.BENCH_DOWNLOAD_VOTERS ?? 1000);
const fillRounds = Number(process.env.BENCH_DOWNLOAD_FILL ?? 16);
const castsPerRun = Number(process.env.BENCH_DOWNLOAD_CASTS ?? 2000);
const inFlight = Number(process.env.BENCH_DOWNLOAD_IN_FLIGHT ?? 8);
const downloaders = Number(process.env.BENCH_DOWNLOADERS ?? 20);

/** `total` ballot casts, `inFlight` at a time, round-robin over the sessions; each timed from send to last byte. */
async function casts(baseUrl, editionId, sessions, total, selectionsOf) {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  let lastAnswer = started;
  async function worker() {
    for (let n = next++; n < total; n = next++) {
      const session = sessions[n % sessions.length];
      const sent = performance.now();
      // A request the server dropped is counted as an error, and the run then reports it.
      const status = await fetch(`${baseUrl}/api/processes/${editionId}/ballot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ selections: selectionsOf(n) }),
      }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        (error) => `error ${error.cause?.code ?? error.message}`,
      );
      lastAnswer = performance.now();
      latencies.push(lastAnswer - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    perSecond: total / ((lastAnswer - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    statuses,
  };
}

/** GET /health/live one at a time until `until` settles: the framework's floor while the casts run. */
async function probeLive(baseUrl, until) {
  const latencies = [];
  let done = false;
  until.then(() => (done = true));
  while (!done) {
    const sent = performance.now();
    await (await fetch(`${baseUrl}/health/live`)).arrayBuffer();
    latencies.push(performance.now() - sent);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p99: percentile(latencies, 99), max: latencies.at(-1) };
}

const { baseUrl, stop } = await startServer({
  RATE_LIMIT_LOGINS: '1000000',
  RATE_LIMIT_DOWNLOADS: '1000000',
});
let loader;
try {
  const edition = await votingEdition(baseUrl, 'Benchmark de descargas');
  const sessions = await logInResidents(baseUrl, voters);
  // Alternating selections, so every revote changes the ballot.
  const selectionsOf = (n) => (Math.floor(n / voters) % 2 ? edition.proposals.slice(0, 2) : [edition.proposals[2]]);
  const fill = await casts(baseUrl, edition.id, sessions, voters * fillRounds, selectionsOf);
  if (fill.statuses[201] !== voters) throw new Error(`filling: statuses ${JSON.stringify(fill.statuses)}`);
  const exported = new Uint8Array(
    await (await fetch(`${baseUrl}/api/processes/${edition.id}/audit/export`)).arrayBuffer(),
  );
  const exportBytes = exported.byteLength;
  const exportEvents = exported.filter((byte) => byte === 0x0a).length;

  const alone = await casts(baseUrl, edition.id, sessions, castsPerRun, selectionsOf);

  loader = runNode('scripts/bench/download-load.mjs', [
    JSON.stringify({ url: `${baseUrl}/api/processes/${edition.id}/audit/export`, clients: downloaders }),
  ]);
  let output = '';
  loader.stdout.on('data', (chunk) => (output += chunk));
  // Measure only once every downloader has a download under way.
  while (!output.includes('started')) await once(loader.stdout, 'data');
  const loadedCasts = casts(baseUrl, edition.id, sessions, castsPerRun, selectionsOf);
  const live = await probeLive(baseUrl, loadedCasts);
  const loaded = await loadedCasts;
  loader.kill('SIGTERM');
  await once(loader, 'exit');
  const downloads = JSON.parse(output.slice(output.indexOf('{')));

  const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;
  const row = (label, r) =>
    `${label.padEnd(30)} ${r.perSecond.toFixed(0).padStart(5)}/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  (statuses ${JSON.stringify(r.statuses)})`;
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(
    `\nBallot casts under ${downloaders} concurrent anonymous export downloads: ${voters} residents, ` +
      `${castsPerRun} revotes per run, ${inFlight} in flight`,
  );
  console.log(`  export: ${mib(exportBytes)}, ${exportEvents.toLocaleString('en')} events`);
  console.log(`  ${row('POST ballot, alone', alone)}`);
  console.log(`  ${row('POST ballot, while downloading', loaded)}`);
  console.log(
    `  p99 while downloading / alone: ${(loaded.p99 / alone.p99).toFixed(2)} (goal: at most 2)` +
      `; GET /health/live meanwhile, one at a time: p99 ${ms(live.p99).trim()}, max ${ms(live.max).trim()} (${live.requests} requests)`,
  );
  console.log(
    `  downloads served meanwhile: ${downloads.completed} whole exports (${mib(downloads.bytes)}, ` +
      `${mib(downloads.bytes / downloads.seconds)}/s), statuses ${JSON.stringify(downloads.statuses)}`,
  );
  for (const run of [alone, loaded]) {
    if (run.statuses[200] !== castsPerRun)
      throw new Error(`expected ${castsPerRun} revotes, got ${JSON.stringify(run.statuses)}`);
  }
} finally {
  if (loader && loader.exitCode === null) loader.kill('SIGTERM');
  await stop();
}
