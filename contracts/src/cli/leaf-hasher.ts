import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InMemoryNodeStore, type PackedNodes } from '../audit/node-store';
import type { HashedLog } from '../audit/verify-log';
import type { ExportTap } from './edition-source';

/** The export's Merkle tree, built on a second thread while the main one checks the rules. */
export interface LeafHasher {
  /** Passes the export through, handing a copy of each chunk to the hashing thread. */
  tap: ExportTap;
  /** The tree of every line's leaf hash, once the whole export has gone through `tap`. */
  tree(): Promise<HashedLog>;
  /** Stops the thread (done or not). */
  close(): Promise<void>;
}

// Bytes handed over and not yet hashed: past this the reader waits, so a slow hashing thread
// never has the export piling up in memory.
const MAX_IN_FLIGHT = 32 * 2 ** 20;

type WorkerMessage = { consumed: number } | { error: string } | { size: number; levels: PackedNodes };

/**
 * A city's export is checked on both of a machine's cores: the main thread parses and checks
 * every event, this one hashes them. Null when the worker is not built (the TypeScript
 * sources run by a test), so the caller hashes in-thread as the SPA does.
 */
export function startLeafHasher(): LeafHasher | null {
  const file = join(__dirname, 'leaf-hasher-worker.js');
  if (!existsSync(file)) return null;
  const worker = new Worker(file);
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let failure: Error | null = null;
  let resolveTree!: (log: HashedLog) => void;
  let rejectTree!: (error: Error) => void;
  const tree = new Promise<HashedLog>((resolve, reject) => {
    resolveTree = resolve;
    rejectTree = reject;
  });
  // Rejections are read by `tree()`; until then they must not count as unhandled.
  tree.catch(() => undefined);
  const fail = (error: Error) => {
    failure ??= error;
    rejectTree(error);
    drained?.();
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('consumed' in message) {
      inFlight -= message.consumed;
      if (inFlight <= MAX_IN_FLIGHT) drained?.();
    } else if ('error' in message) fail(new Error(message.error));
    else resolveTree({ nodes: new InMemoryNodeStore(message.levels), size: message.size });
  });
  worker.on('error', fail);
  // Its last message comes before its exit; a tree still missing after that never comes.
  worker.on('exit', (code) => setImmediate(() => fail(new Error(`the hashing thread stopped (exit ${code})`))));

  async function* tap(input: AsyncIterable<unknown>): AsyncGenerator<unknown> {
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      // A copy the thread owns: a read buffer may be reused (or be a slice of a shared pool).
      const copy = new Uint8Array(bytes);
      inFlight += copy.byteLength;
      worker.postMessage(copy, [copy.buffer]);
      while (inFlight > MAX_IN_FLIGHT && failure === null) {
        await new Promise<void>((resolve) => (drained = resolve));
        drained = null;
      }
      if (failure !== null) throw failure;
      yield bytes;
    }
    worker.postMessage(null);
  }

  return {
    tap,
    tree: () => tree,
    async close() {
      await worker.terminate();
    },
  };
}
