import { on } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { eventLeafHash } from '../audit/event-leaf';
import { MerkleTree } from '../audit/merkle-tree';
import { InMemoryNodeStore } from '../audit/node-store';
import { useSha256 } from '../audit/sha256';
import { forEachExportValue } from './export-lines';
import { nodeSha256 } from './node-sha256';

/**
 * The CLI's second thread (see leaf-hasher.ts): takes the export's bytes as the main thread
 * reads them, cuts and parses the lines with the same code, and builds the Merkle tree of
 * their leaf hashes (canonical JSON and SHA-256: a third of a city's verification), then
 * hands its nodes back without copying them.
 */
useSha256(nodeSha256);
const port = parentPort!;

async function* exportChunks(): AsyncGenerator<Uint8Array> {
  for await (const [message] of on(port, 'message') as AsyncIterableIterator<[Uint8Array | null]>) {
    if (message === null) return;
    yield message;
    port.postMessage({ consumed: message.byteLength });
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

void hashExport();
