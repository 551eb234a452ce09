import { parentPort } from 'node:worker_threads';
import { eventLeafHash } from '../audit/event-leaf';
import { MerkleTree } from '../audit/merkle-tree';
import { InMemoryNodeStore } from '../audit/node-store';
import { useSha256 } from '../audit/sha256';
import { asOpening } from '../audit/verify-rules';
import { ballotCommitment } from '../ballots/commitment';
import { exportValuesOf, forEachExportValue } from './export-lines';
import { nodeSha256 } from './node-sha256';
import type { CommitmentsRequest } from './leaf-hasher';

/**
 * The CLI's second thread (see leaf-hasher.ts): takes the export's bytes as the main thread
 * reads them, cuts and parses the lines with the same code, and builds the Merkle tree of
 * their leaf hashes (canonical JSON and SHA-256: a third of a city's verification), then
 * hands its nodes back without copying them. Then it computes the commitments of the second
 * half of the openings while the main thread checks the first.
 */
useSha256(nodeSha256);
const port = parentPort!;

// Export chunks as they come (null ends the export), for the async iteration below.
const queue: (Uint8Array | null)[] = [];
let wake: (() => void) | null = null;
port.on('message', (message: Uint8Array | null | CommitmentsRequest) => {
  if (message === null || message instanceof Uint8Array) {
    queue.push(message);
    wake?.();
  } else commitments(message);
});

async function* exportChunks(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const chunk = queue.shift()!;
    if (chunk === null) return;
    yield chunk;
    port.postMessage({ consumed: chunk.byteLength });
  }
}

async function hashExport(): Promise<void> {
  const nodes = new InMemoryNodeStore();
  const tree = new MerkleTree(nodes);
  try {
    await forEachExportValue(exportChunks(), (value) => tree.append(eventLeafHash(value)));
  } catch (error) {
    port.postMessage({ error: (error as Error).message });
    return;
  }
  const levels = nodes.packed();
  const buffers = levels.flat().flatMap((chunk) => (chunk ? [chunk.hashes.buffer, chunk.present.buffer] : []));
  port.postMessage({ size: tree.size, levels }, buffers as ArrayBuffer[]);
}

/** Each valid opening's commitment as 64 hex characters, with a flag saying it is there; then done. */
function commitments({ openings, hex, present, done }: CommitmentsRequest): void {
  const text = Buffer.from(hex.buffer, hex.byteOffset, hex.byteLength);
  try {
    let line = 0;
    for (const value of exportValuesOf(Buffer.from(openings.buffer, openings.byteOffset, openings.byteLength))) {
      if (line >= present.length) break;
      const opening = asOpening(value);
      if (typeof opening !== 'string') {
        try {
          text.write(ballotCommitment(opening.salt, opening.selections), line * 64, 'latin1');
          present[line] = 1;
        } catch {
          // Left to the main thread, which fails or words it as it would alone.
        }
      }
      line++;
    }
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}

void hashExport();
