// Micro-benchmark of the audit Merkle tree at the scale of a large edition.
// Run after building contracts:  npx tsc -b contracts && npx node scripts/bench/merkle.mjs
// (add --expose-gc before the script for steadier memory figures).
import {
  InMemoryNodeStore,
  MerkleTree,
  eventLeafHash,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
} from '../../contracts/dist/audit/index.js';

const LEAVES = 1_100_000;
const HASH_SIZE = 32;

const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const perSecond = (count, ms) => Math.round((count / ms) * 1000).toLocaleString('en-US');
const collectGarbage = () => globalThis.gc?.();

function time(work) {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

function ballotCast(i) {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'BallotCast',
    streamId: `ballot-pp-2027-voter${i}`,
    data: {
      editionId: 'pp-2027',
      district: 'centro',
      voter: `voter${i}`,
      commitment: 'ab'.repeat(32),
      channel: 'online',
      booth: null,
      residenceProof: null,
    },
    metadata: { channel: 'online' },
    recordedAt: '2027-03-01T18:00:00.000Z',
  };
}

// Leaf hashes packed in one buffer so they do not weigh on the tree's memory figure.
const leafHashes = new Uint8Array(LEAVES * HASH_SIZE);
const leafAt = (i) => leafHashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
const hashing = time(() => {
  for (let i = 0; i < LEAVES; i++) leafHashes.set(eventLeafHash(ballotCast(i)), i * HASH_SIZE);
});
console.log(`event leaves (canonical JSON + SHA-256): ${perSecond(LEAVES, hashing.ms)} events/s`);

collectGarbage();
const before = process.memoryUsage();
const tree = new MerkleTree(new InMemoryNodeStore());
const appending = time(() => {
  for (let i = 0; i < LEAVES; i++) tree.append(leafAt(i));
});
collectGarbage();
const after = process.memoryUsage();
console.log(
  `append: ${LEAVES.toLocaleString('en-US')} leaves in ${(appending.ms / 1000).toFixed(2)} s, ${perSecond(LEAVES, appending.ms)} leaves/s`,
);

const rooting = time(() => tree.root());
console.log(`root at ${LEAVES.toLocaleString('en-US')}: ${rooting.ms.toFixed(3)} ms`);

const leafIndex = 777_777;
const inclusion = time(() => tree.inclusionProof(leafIndex, LEAVES));
const included = verifyInclusion(leafAt(leafIndex), leafIndex, LEAVES, inclusion.result, rooting.result);
console.log(
  `inclusion proof (${inclusion.result.length} hashes): ${inclusion.ms.toFixed(3)} ms, verifies: ${included}`,
);

const oldSize = 1_000_003;
const consistency = time(() => tree.consistencyProof(oldSize, LEAVES));
const consistent = verifyConsistency(oldSize, LEAVES, tree.root(oldSize), rooting.result, consistency.result);
console.log(
  `consistency proof ${oldSize.toLocaleString('en-US')} -> ${LEAVES.toLocaleString('en-US')} (${consistency.result.length} hashes): ${consistency.ms.toFixed(3)} ms, verifies: ${consistent}`,
);

const ROUNDS = 10_000;
const repeated = time(() => {
  for (let i = 0; i < ROUNDS; i++) tree.inclusionProof((i * 7919) % LEAVES, LEAVES);
});
console.log(
  `inclusion proofs, mean of ${ROUNDS.toLocaleString('en-US')}: ${((repeated.ms / ROUNDS) * 1000).toFixed(1)} µs`,
);

const recomputing = time(() => rootFromLeaves(Array.from({ length: LEAVES }, (_, i) => leafAt(i))));
const sameRoot = Buffer.compare(recomputing.result, rooting.result) === 0;
console.log(
  `auditor's rootFromLeaves over the whole log: ${(recomputing.ms / 1000).toFixed(2)} s, same root: ${sameRoot}`,
);

console.log(
  `memory for the tree: heap +${megabytes(after.heapUsed - before.heapUsed)}, array buffers +${megabytes(after.arrayBuffers - before.arrayBuffers)}, ` +
    `rss ${megabytes(after.rss)}${globalThis.gc ? '' : ' (run with --expose-gc for steadier figures)'}`,
);
