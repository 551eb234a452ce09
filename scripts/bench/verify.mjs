// `decidimos-audit verify` over a generated city-sized edition: writes events.jsonl,
// openings.jsonl and tree-heads.json for BENCH_VERIFY_EVENTS events (default 1,000,000, nearly all ballots),
// then runs the real bin on the directory and prints events/s. No target is asserted here.
// BENCH_VERIFY_KEEP=1 keeps the directory (for node --cpu-prof on the bin).
// Run after building contracts:  npx tsc -b contracts && node scripts/bench/verify.mjs
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import {
  MerkleTree,
  eventLeafHash,
  generateSigningKey,
  keyId,
  signTreeHead,
  toHex,
} from '../../contracts/dist/audit/index.js';
import { headReason } from '../../contracts/dist/audit/verify-log.js';
import { SCHEMA_VERSIONS, parsePublicEvent } from '../../contracts/dist/events/catalog.js';
import { useSha256 } from '../../contracts/dist/audit/sha256.js';
import { nodeSha256 } from '../../contracts/dist/cli/node-sha256.js';
import { eventId, generateEdition } from '../lib/generated-edition.mjs';
import { describeThreads, runNodeWatched } from '../lib/thread-cpu.mjs';

// Generate with the native hash the bin itself uses.
useSha256(nodeSha256);

const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 1_000_000);
const EDITION = 'pp-bench';
const pseudonym = (name) => toHex(eventLeafHash(name));

const dir = mkdtempSync(path.join(tmpdir(), 'decidimos-bench-verify-'));
const out = createWriteStream(path.join(dir, 'events.jsonl'));
const key = generateSigningKey();
const tree = new MerkleTree();
const heads = [];
const revisions = new Map();
let written = 0;

/** Appends the event's public form to the export (a ballot without its sealed selections) and signs the heads it calls for. */
async function record(stream, type, { sealed: _sealed, ...data }) {
  const revision = revisions.get(stream) ?? 0;
  revisions.set(stream, revision + 1);
  const event = {
    id: eventId(written),
    type,
    schemaVersion: SCHEMA_VERSIONS[type],
    stream: `${stream}-${EDITION}`,
    revision,
    recordedAt: new Date(Date.UTC(2027, 0, 1) + written * 1000).toISOString(),
    data: { editionId: EDITION, ...data },
  };
  written += 1;
  tree.append(eventLeafHash(event));
  if (!out.write(`${JSON.stringify(event)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  const reason = headReason(parsePublicEvent(type, event.data, event.schemaVersion));
  if (reason !== null) {
    const head = signTreeHead(
      { editionId: EDITION, treeSize: tree.size, rootHash: toHex(tree.root()), timestamp: event.recordedAt, reason },
      key.privateKey,
    );
    heads.push(head);
    await record('audit', 'TreeHeadSigned', { ...head, publicKey: key.publicKey });
  }
  return event.id;
}

const generating = performance.now();
// Every ballot's opening goes to openings.jsonl, as the server publishes it after the close.
const openings = createWriteStream(path.join(dir, 'openings.jsonl'));
const ballots = await generateEdition({
  events: EVENTS,
  pseudonym,
  record,
  recorded: () => written,
  // Two phase changes and the tally, and a head after each.
  closingEvents: 6,
  onBallot: async (opening) => {
    if (!openings.write(`${JSON.stringify(opening)}\n`))
      await new Promise((resolve) => openings.once('drain', resolve));
  },
  closingHead: () => {
    const closing = heads.at(-1);
    return { treeSize: closing.treeSize, rootHash: closing.rootHash };
  },
});
openings.end();
await finished(openings);
out.end();
await finished(out);
writeFileSync(
  path.join(dir, 'tree-heads.json'),
  JSON.stringify({
    editionId: EDITION,
    publicKey: key.publicKey,
    keyId: keyId(key.publicKey),
    treeHeads: heads,
    consistency: heads.slice(1).map((head, i) => ({
      fromSize: heads[i].treeSize,
      toSize: head.treeSize,
      proof: tree.consistencyProof(heads[i].treeSize, head.treeSize).map(toHex),
    })),
  }),
);
const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(
  `generated ${written.toLocaleString('en-US')} events (${ballots.toLocaleString('en-US')} ballots, ` +
    `${megabytes(statSync(path.join(dir, 'events.jsonl')).size)}) in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
);

// The target (15 s for a million events) is for an otherwise idle machine: say how idle it was.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before verify: ${load()} (${availableParallelism()} cores)`);
const verifying = performance.now();
const run = await runNodeWatched('contracts/bin/decidimos-audit.js', ['verify', dir]);
const seconds = (performance.now() - verifying) / 1000;
process.stdout.write(run.stdout.split('\n').slice(0, 3).join('\n') + '\n');
if (run.stderr) process.stderr.write(run.stderr);
console.log(
  `verify: exit ${run.status ?? run.signal} in ${seconds.toFixed(1)} s, ` +
    `${Math.round(written / seconds).toLocaleString('en-US')} events/s (load average after: ${load()})`,
);
// The main thread checks the rules while the leaf hasher builds the tree: which one set the pace.
if (run.threads.length > 0) console.log(`  CPU by thread (sampled every 0.2 s): ${describeThreads(run.threads)}`);
// BENCH_VERIFY_KEEP=1 leaves the edition in place, to profile the bin on it.
if (process.env.BENCH_VERIFY_KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = run.status === 0 ? 0 : 1;
