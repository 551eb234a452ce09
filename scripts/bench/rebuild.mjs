// Rebuild of every projection from a generated log: BENCH_REBUILD_EVENTS events (default
// 1,000,000, nearly all sealed ballots of one edition, as a city's voting evening leaves
// the log) appended through the embedded SQLite adapter into a fresh DATA_DIR, then
// `npm run rebuild-projections` as an operator runs it (backend/dist/rebuild-projections.js),
// timed from start to exit. Prints events/s and the read models' bytes per event.
// No target is asserted here. Run after `npx tsc -b`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ballotCommitment } from '../../contracts/dist/ballots/commitment.js';
import { editionRulesSchema } from '../../contracts/dist/editions/edition.js';
import { tallyEdition } from '../../contracts/dist/tally/tally.js';
import { openSqliteEventStore } from '../../backend/dist/event-store/sqlite/index.js';
import { toEventData } from '../../backend/dist/shared/event-envelope.js';
import { readModelBytes } from '../lib/read-model-bytes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const EDITION = 'pp-rebuild';
const PROPOSALS = 40;
// Appends handed to the store in one event-loop turn share one transaction and one sync.
const BATCH = 2_000;
const hex = (n, salt) => (salt + n.toString(16)).padStart(64, '0').slice(-64);
const admin = hex(1, 'a');
const district = { id: 'centro', name: 'Centro', budget: 2_000_000 };
const rules = editionRulesSchema.parse({
  supports: { enabled: true, perResident: 5, threshold: 1 },
  ballot: { method: 'knapsack', revoting: true },
  counting: { rule: 'greedy' },
});
const proposals = Array.from({ length: PROPOSALS }, (_, i) => ({ proposalId: `p${i}`, cost: 100_000 + i * 5_000 }));

const dataDir = mkdtempSync(path.join(tmpdir(), 'decidimos-bench-rebuild-'));
const store = await openSqliteEventStore(path.join(dataDir, 'events.sqlite'));
let written = 0;
let pending = [];
const revisions = new Map();

async function record(stream, type, data) {
  const revision = revisions.get(stream) ?? -1;
  revisions.set(stream, revision + 1);
  const event = toEventData(
    { type, data: { editionId: EDITION, ...data } },
    `00000000-0000-4000-8000-${String(written).padStart(12, '0')}`,
  );
  pending.push(store.append(`${stream}-${EDITION}`, [event], revision < 0 ? 'no_stream' : revision));
  written += 1;
  if (pending.length >= BATCH) await flush();
}

async function flush() {
  const batch = pending;
  pending = [];
  await Promise.all(batch);
}

const phase = async (from, to, extra = {}) => {
  await flush();
  await record('edition', 'EditionPhaseAdvanced', { from, to, by: admin, ...extra });
  await flush();
};

const generating = performance.now();
await record('edition', 'EditionDrafted', {
  title: 'Presupuesto Participativo de prueba',
  description: '',
  districts: [district],
  rules,
  calendar: {},
  createdBy: admin,
});
await phase('draft', 'proposals');
for (const { proposalId, cost } of proposals) {
  await record(`proposal-${proposalId}`, 'ProposalSubmitted', {
    proposalId,
    author: hex(proposals.length + Number(proposalId.slice(1)), 'b'),
    // Commitments only (the texts live outside the log): the rebuilt read model shows them as erased.
    texts: {
      title: hex(Number(proposalId.slice(1)), 'c'),
      description: hex(Number(proposalId.slice(1)), 'd'),
      location: null,
    },
    district: 'centro',
    estimatedCost: cost,
    category: null,
  });
}
await phase('proposals', 'review');
for (const { proposalId, cost } of proposals) {
  await record(`proposal-${proposalId}`, 'ProposalAssessed', {
    proposalId,
    reviewer: hex(2, 'a'),
    feasible: true,
    cost,
    reason: 'Dictamen del comité.',
    technical: null,
    legal: null,
    financial: null,
  });
}
await phase('review', 'supports');
for (const { proposalId } of proposals) {
  const voter = hex(Number(proposalId.slice(1)), 'c');
  await record('supports', 'SupportGiven', { voter, proposalId, channel: 'online', booth: null, residenceProof: null });
}
await phase('supports', 'voting', { ballot: { centro: proposals } });
const ballots = [];
for (let i = 0; written < EVENTS - 3; i++) {
  const voter = hex(i, 'd');
  const selections = [proposals[i % PROPOSALS].proposalId, proposals[(i * 7 + 3) % PROPOSALS].proposalId].filter(
    (id, at, all) => all.indexOf(id) === at,
  );
  ballots.push({ district: 'centro', selections });
  const salt = hex(i, 'e');
  await record(`ballot-${voter}`, 'BallotCast', {
    voter,
    district: 'centro',
    commitment: ballotCommitment(salt, selections),
    channel: 'online',
    booth: null,
    residenceProof: null,
    sealed: { selections, salt },
  });
}
await phase('voting', 'counting');
await record('edition', 'TallyComputed', {
  counting: rules.counting,
  ballots: ballots.length,
  districts: tallyEdition({ districts: [district], rules, ballot: { centro: proposals } }, ballots),
  treeHead: { treeSize: written, rootHash: hex(0, 'f') },
});
await phase('counting', 'results');
await store.close();
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(
  `generated ${written.toLocaleString('en-US')} events (${ballots.length.toLocaleString('en-US')} ballots, log ` +
    `${mib(statSync(path.join(dataDir, 'events.sqlite')).size)}) in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before the rebuild: ${load()} (${availableParallelism()} cores)`);
const rebuilding = performance.now();
const run = spawnSync(process.execPath, [path.join(root, 'backend/dist/rebuild-projections.js')], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
});
const seconds = (performance.now() - rebuilding) / 1000;
if (run.stderr) process.stderr.write(run.stderr);
console.log(
  `rebuild: exit ${run.status ?? run.signal} in ${seconds.toFixed(1)} s, ` +
    `${Math.round(written / seconds).toLocaleString('en-US')} events/s (load average after: ${load()})`,
);
readModelBytes(dataDir);
if (process.env.BENCH_REBUILD_KEEP) console.log(`kept ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
