import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InMemoryNodeStore, type PackedNodes } from '../audit/node-store';
import type { HashedLog } from '../audit/verify-log';
import type { OpeningCommitments } from '../audit/verify-rules';
import type { ExportTap } from './edition-source';
import { exportValuesOf } from './export-lines';

/** The export's Merkle tree, built on a second thread while the main one checks the rules. */
export interface LeafHasher {
  /** Passes the export through, handing a copy of each chunk to the hashing thread. */
  tap: ExportTap;
  /** The tree of every line's leaf hash, once the whole export has gone through `tap`. */
  tree(): Promise<HashedLog>;
  /**
   * Once the tree is in: the openings of openings.jsonl's bytes, the second half's
   * commitments computed on the hashing thread while the main thread checks the first half.
   */
  openings(bytes: Buffer): { openings: Iterable<unknown>; commitments: OpeningCommitments };
  /** Stops the thread (done or not). */
  close(): Promise<void>;
}

// Bytes handed over and not yet hashed: past this the reader waits, so a slow hashing thread
// never has the export piling up in memory.
const MAX_IN_FLIGHT = 32 * 2 ** 20;

/** The second half of openings.jsonl and where to write each line's commitment (shared memory). */
export interface CommitmentsRequest {
  openings: Uint8Array;
  /** 64 hex characters per line. */
  hex: Uint8Array;
  /** 1 where the line's commitment is written. */
  present: Uint8Array;
  /** Set to 1 when done. */
  done: Int32Array;
}

const NEWLINE = 0x0a;

type WorkerMessage = { consumed: number } | { error: string } | { size: number; levels: PackedNodes };

/**
 * A city's export is checked on both of a machine's cores: the main thread parses and checks
 * every event, this one hashes them. Null when the worker is not built (the TypeScript
 * sources run by a test), so the caller hashes in-thread as the SPA does.
 */
export function startLeafHasher(): LeafHasher | null {
  const file = join(__dirname, 'leaf-hasher-worker.js');
  if (!existsSync(file)) return null;
  const worker = new Worker(file, { name: 'leaf hasher' });
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

  function openings(bytes: Buffer): { openings: Iterable<unknown>; commitments: OpeningCommitments } {
    // Cut at a line end near the middle: both halves are read by the same line cutter.
    const newline = bytes.indexOf(NEWLINE, bytes.length >> 1);
    const split = newline === -1 ? bytes.length : newline + 1;
    let lines = 1;
    for (let at = bytes.indexOf(NEWLINE, split); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
    const second = new Uint8Array(new SharedArrayBuffer(bytes.length - split));
    second.set(bytes.subarray(split));
    const request: CommitmentsRequest = {
      openings: second,
      hex: new Uint8Array(new SharedArrayBuffer(lines * 64)),
      present: new Uint8Array(new SharedArrayBuffer(lines)),
      done: new Int32Array(new SharedArrayBuffer(4)),
    };
    worker.postMessage(request);
    const hex = Buffer.from(request.hex.buffer);
    // Values in the first half, known once it has been read through.
    let firstHalf = Infinity;
    let waited = false;
    const values = {
      *[Symbol.iterator]() {
        let count = 0;
        for (const value of exportValuesOf(bytes.subarray(0, split))) {
          count++;
          yield value;
        }
        firstHalf = count;
        yield* exportValuesOf(bytes.subarray(split));
      },
    };
    const commitments: OpeningCommitments = (line) => {
      if (line <= firstHalf) return null;
      if (!waited) {
        // The second half was being hashed while the first was checked; wait for the rest of it.
        // A thread that died cannot say so while this one blocks: past a minute, check alone.
        Atomics.wait(request.done, 0, 0, 60_000);
        waited = true;
      }
      const at = line - firstHalf - 1;
      if (Atomics.load(request.done, 0) === 0 || at >= lines || request.present[at] !== 1) return null;
      return hex.toString('latin1', at * 64, at * 64 + 64);
    };
    return { openings: values, commitments };
  }

  return {
    tap,
    tree: () => tree,
    openings,
    async close() {
      await worker.terminate();
    },
  };
}
