// Ballot benchmark: the real server (backend + local identity provider, as `npm start`
// runs them) on a fresh embedded store, N residents per measurement logged in through the
// real login flow, then from a separate load process: one ballot cast per resident and its revotes as
// fast as the server answers, the framework's floor (GET /health/live) on the same server
// in the same run, both timed from the first request sent to the last answer received,
// the CPU each request cost the server (every thread, read from its own /metrics) and the
// load generator, and the latency of revotes offered at constant rates (open loop).
// Settings: BENCH_VOTERS (default 2000), BENCH_ROUNDS (casts per resident, the later ones
// revotes; default 3), BENCH_CONNECTIONS (default 32), BENCH_LIVE_REQUESTS (default 20000),
// BENCH_RATES (offered casts per second, default 500,1000,2000), BENCH_RATE_SECONDS
// (seconds at each rate, default 5), BENCH_WARMUP_VOTERS (residents of their own whose casts,
// 3 each, and some health checks warm each instance up before it is measured; default 500).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logInResidents } from '../lib/residents.mjs';
import { votingEdition } from '../lib/voting-edition.mjs';
import { readModelBytes } from '../lib/read-model-bytes.mjs';
import { runNode, startServer, waitUntilCaughtUp } from '../lib/server.mjs';

const voters = Number(process.env.BENCH_VOTERS ?? 2000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const liveRequests = Number(process.env.BENCH_LIVE_REQUESTS ?? 20_000);
const rates = (process.env.BENCH_RATES ?? '500,1000,2000').split(',').map(Number);
const rateSeconds = Number(process.env.BENCH_RATE_SECONDS ?? 5);
const warmUpVoters = Number(process.env.BENCH_WARMUP_VOTERS ?? 500);

// One address logs every resident in, and each resident revotes at whatever rates are
// offered: the login and write limits are raised for the run (still counted), as the README says.
const { baseUrl, dataDir, stop, addInstance } = await startServer({
  RATE_LIMIT_LOGINS: String((2 * voters + warmUpVoters) * 2),
  RATE_LIMIT_WRITES: '1000000',
});
try {
  const edition = await votingEdition(baseUrl, 'Benchmark');
  // Each measurement has residents of its own, so both do the same work: a first ballot
  // and revotes of short ballot streams, not revotes of streams the one before lengthened.
  const loggingIn = performance.now();
  const sessions = await logInResidents(baseUrl, voters);
  const loginSeconds = (performance.now() - loggingIn) / 1000;
  const keep = (name, sessions) => {
    const file = join(dataDir, `bench-${name}-sessions.json`);
    writeFileSync(file, JSON.stringify(sessions.map((s) => ({ cookie: s.cookie, csrfToken: s.csrfToken }))));
    return file;
  };
  const oneInstanceFile = keep('one-instance', sessions);
  const twoInstancesFile = keep('two-instances', await logInResidents(baseUrl, voters, voters + 1));
  const warmUpFile = keep('warm-up', await logInResidents(baseUrl, warmUpVoters, 2 * voters + 1));

  // A fresh process runs its code unoptimised for its first few thousand requests; the
  // figures are of instances that have been serving for a while, as in an evening's vote.
  const runLoad = async (baseUrls, sessionsFile) => {
    const warmUp = sessionsFile === warmUpFile;
    const load = runNode('scripts/bench/load.mjs', [
      JSON.stringify({
        baseUrls,
        editionId: edition.id,
        selections: edition.proposals.slice(0, 2),
        sessionsFile,
        warmUp,
        connections,
        rounds,
        liveRequests,
        rates,
        rateSeconds,
      }),
    ]);
    let output = '';
    load.stdout.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => load.on('exit', resolve));
    if (code !== 0) throw new Error(`load process exited with ${code}`);
    return JSON.parse(output);
  };

  const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
  const row = (label, r) =>
    `${label.padEnd(18)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  (${r.requests} requests in ${r.seconds.toFixed(2)} s, statuses ${JSON.stringify(r.statuses)})`;
  const report = ({ casts, live, openLoops }) => {
    console.log(`  ${row('POST ballot', casts)}`);
    console.log(`  ${row('GET /health/live', live)}`);
    console.log(`  ballots per second / health per second: ${(casts.perSecond / live.perSecond).toFixed(3)}`);
    const cpu = (r) =>
      `${r.serverCpuMicros.toFixed(0)} µs of server CPU` +
      (r.replicaCpuMicros.length > 1 ? ` (${r.replicaCpuMicros.map((micros) => micros.toFixed(0)).join(' + ')})` : '') +
      `, ${r.loadCpuMicros.toFixed(0)} µs of the generator's`;
    console.log(`  CPU per request (every thread): a ballot ${cpu(casts)}; GET /health/live ${cpu(live)}`);
    console.log(
      `  revotes offered at a constant rate for ${rateSeconds} s each, latency from each one's scheduled send:`,
    );
    for (const r of openLoops) {
      console.log(
        `  ${`${r.rate}/s offered`.padEnd(18)} sent ${r.sent}, answered ${r.answered}, failed ${r.failed}  ` +
          `p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  ` +
          `(latest send ${r.maxSendLag.toFixed(1)} ms after its time, statuses ${JSON.stringify(r.statuses)})`,
      );
    }
  };

  if (warmUpVoters > 0) await runLoad([baseUrl], warmUpFile);
  const single = await runLoad([baseUrl], oneInstanceFile);
  const loadStopped = performance.now();
  await waitUntilCaughtUp(baseUrl);
  const catchUpMs = performance.now() - loadStopped;
  console.log(
    `\nBallot casts on the embedded store: ${voters} residents x ${rounds} casts, ${connections} connections`,
  );
  console.log(
    `  logged in ${voters} residents (of each measurement) through the real login flow in ${loginSeconds.toFixed(1)} s`,
  );
  console.log('  one backend instance:');
  report(single);
  console.log(`  projections caught up ${catchUpMs.toFixed(0)} ms after the load stopped`);
  readModelBytes(dataDir);
  const expected = { 201: voters, ...(rounds > 1 ? { 200: voters * (rounds - 1) } : {}) };
  if (JSON.stringify(single.casts.statuses) !== JSON.stringify(expected)) {
    throw new Error(`expected statuses ${JSON.stringify(expected)}, got ${JSON.stringify(single.casts.statuses)}`);
  }

  // A second replica on the same data directory: one of the two projects (the projector
  // lease), both serve.
  const second = await addInstance();
  try {
    if (warmUpVoters > 0) await runLoad([second.baseUrl], warmUpFile);
    const double = await runLoad([baseUrl, second.baseUrl], twoInstancesFile);
    console.log('  two backend instances on the same data directory, requests spread evenly:');
    report(double);
    if (JSON.stringify(double.casts.statuses) !== JSON.stringify(expected)) {
      throw new Error(`expected statuses ${JSON.stringify(expected)}, got ${JSON.stringify(double.casts.statuses)}`);
    }
  } finally {
    await second.stop();
  }
} finally {
  await stop();
}
