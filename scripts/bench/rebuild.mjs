// Rebuild of every projection from a generated log: BENCH_REBUILD_EVENTS events (default
// 1,000,000, nearly all sealed ballots of one edition, as a city's voting evening leaves
// the log) appended through the embedded SQLite adapter into a fresh DATA_DIR, then
// `npm run rebuild-projections` as an operator runs it (backend/dist/rebuild-projections.js),
// timed from start to exit. Prints events/s, the CPU it took (every thread, from Linux's
// accounting of ended children), each thread's share of it and the read models' bytes per
// event. Then,
// on that data directory, ballot casts and reads offered at BENCH_REBUILD_LIVE_RATE a
// second (default 300; 0 skips it) while the rebuild runs again beside the live service
// (scripts/lib/requests-during-rebuild.mjs). No target is asserted here. Run after `npx tsc -b`.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteEventStore } from '../../backend/dist/event-store/sqlite/index.js';
import { toEventData } from '../../backend/dist/shared/event-envelope.js';
import { eventId, generateEdition } from '../lib/generated-edition.mjs';
import { childrenCpuSeconds } from '../lib/children-cpu.mjs';
import { readModelBytes } from '../lib/read-model-bytes.mjs';
import { requestsDuringRebuild } from '../lib/requests-during-rebuild.mjs';
import { describeThreads, runNodeWatched } from '../lib/thread-cpu.mjs';

const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const EDITION = 'pp-rebuild';
// Appends handed to the store in one event-loop turn share one transaction and one sync.
const BATCH = 2_000;
const pseudonym = (name) => createHash('sha256').update(name).digest('hex');

const dataDir = mkdtempSync(path.join(tmpdir(), 'decidimos-bench-rebuild-'));
const store = await openSqliteEventStore(path.join(dataDir, 'events.sqlite'));
let written = 0;
let pending = [];
const revisions = new Map();

async function flush() {
  const batch = pending;
  pending = [];
  await Promise.all(batch);
}

/** Appends through the adapter, in batches; a phase change waits for what came before it, as a server's would. */
async function record(stream, type, data) {
  if (type !== 'BallotCast') await flush();
  const revision = revisions.get(stream) ?? -1;
  revisions.set(stream, revision + 1);
  const id = eventId(written);
  const event = toEventData({ type, data: { editionId: EDITION, ...data } }, id);
  pending.push(store.append(`${stream}-${EDITION}`, [event], revision < 0 ? 'no_stream' : revision));
  written += 1;
  if (pending.length >= BATCH || type !== 'BallotCast') await flush();
  return id;
}

const generating = performance.now();
const ballots = await generateEdition({
  events: EVENTS,
  pseudonym,
  record,
  recorded: () => written,
  // Two phase changes and the tally; the signer's heads are not in a generated log.
  closingEvents: 3,
  closingHead: () => ({ treeSize: written, rootHash: pseudonym('closing head') }),
});
await store.close();
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(
  `generated ${written.toLocaleString('en-US')} events (${ballots.toLocaleString('en-US')} ballots, log ` +
    `${mib(statSync(path.join(dataDir, 'events.sqlite')).size)}) in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before the rebuild: ${load()} (${availableParallelism()} cores)`);
const rebuilding = performance.now();
const cpuBefore = childrenCpuSeconds();
const { status, signal, stderr, threads } = await runNodeWatched('backend/dist/rebuild-projections.js', [], {
  env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
});
const seconds = (performance.now() - rebuilding) / 1000;
const cpu = cpuBefore === null ? null : childrenCpuSeconds() - cpuBefore;
if (stderr) process.stderr.write(stderr);
console.log(
  `rebuild: exit ${status ?? signal} in ${seconds.toFixed(1)} s, ` +
    `${Math.round(written / seconds).toLocaleString('en-US')} events/s, ` +
    (cpu === null
      ? 'CPU not measured here'
      : `CPU ${cpu.toFixed(1)} s (${Math.round((cpu / written) * 1e6)} µs per event)`) +
    ` (load average after: ${load()})`,
);
// Which thread set the pace: the rebuild runs on several, which share the cores.
if (threads.length > 0) console.log(`  CPU by thread (sampled every 0.2 s): ${describeThreads(threads)}`);
readModelBytes(dataDir);
const liveRate = Number(process.env.BENCH_REBUILD_LIVE_RATE ?? 300);
if (status === 0 && liveRate > 0) {
  console.log(`casts and GET /ballot, ${liveRate}/s in all, on the live service while it rebuilds again:`);
  await requestsDuringRebuild(dataDir, liveRate);
}
if (process.env.BENCH_REBUILD_KEEP) console.log(`kept ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
