import { Worker } from 'node:worker_threads';
import type { CollectionLoad } from '../read-model.port';
import { LOAD_DOCUMENT, REMOVE_DOCUMENT } from './sqlite-collection';

/** The statement that sets a projection's checkpoint, here and on the store's own connection. */
export const SET_CHECKPOINT =
  'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position';

/**
 * How long a load waits for the file's write lock. Longer than a request's wait: nobody
 * waits on this thread but the rebuild, whose two threads take turns with loads of a
 * hundred thousand documents, each of which may hold the lock for seconds on a busy machine.
 */
const BULK_LOCK_WAIT_MS = 60_000;

/** One collection's documents as they cross to the thread: three columns instead of an object each. */
interface WireLoad {
  collection: string;
  ids: string[];
  docs: (string | null)[];
  positions: (number | null)[];
}

/**
 * The thread's code, plain JavaScript (it runs from the built backend and under the tests
 * alike). Each collection is written in key order, so each page of the documents' index is
 * visited once rather than once per document; SQLite's busy handler may sleep here, since
 * nothing else runs on this thread.
 */
const BULK_WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: workerData.lockWaitMs });
db.exec('PRAGMA synchronous = NORMAL');
const write = db.prepare(workerData.sql.write);
const remove = db.prepare(workerData.sql.remove);
const checkpoint = db.prepare(workerData.sql.checkpoint);

const pause = new Int32Array(new SharedArrayBuffer(4));

// SQLite can answer BUSY before the busy timeout is over (seen with two of these threads
// on one file, the other committing meanwhile): try again until the wait is over.
function begin() {
  const deadline = performance.now() + workerData.lockWaitMs;
  for (;;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if ((error.errcode & 0xff) !== 5 || performance.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

function load(loads, checkpoints) {
  for (const { collection, ids, docs, positions } of loads) {
    const order = ids.map((_, n) => n).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    for (const n of order) {
      if (docs[n] === null && positions[n] === null) remove.run(collection, ids[n]);
      else write.run(collection, ids[n], docs[n], positions[n]);
    }
  }
  for (const [projection, position] of checkpoints) checkpoint.run(projection, position);
}

parentPort.on('message', ({ id, loads, checkpoints, sql }) => {
  try {
    begin();
    try {
      if (sql !== undefined) db.exec(sql);
      else load(loads, checkpoints);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

/**
 * Writes a rebuild's documents to the read-model file on a thread and a connection of its
 * own, so the rebuild goes on projecting while SQLite inserts, commits and checkpoints (a
 * third of a rebuild's time when it ran on the main thread), and builds query indexes
 * there too: building one reads the whole table, seconds once it holds a million ballots,
 * during which a main thread would answer nothing. One task at a time, in the order asked.
 */
export class BulkWriter {
  private worker: Worker | null = null;
  private readonly inFlight = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  private nextId = 0;

  constructor(private readonly file: string) {}

  load(loads: CollectionLoad[], checkpoints: ReadonlyMap<string, number>): Promise<void> {
    const wire: WireLoad[] = loads.map(({ collection, documents }) => ({
      collection,
      ids: documents.map((document) => document.id),
      docs: documents.map((document) => document.json),
      positions: documents.map((document) => document.position),
    }));
    return this.request({ loads: wire, checkpoints: [...checkpoints] });
  }

  /** Runs one schema statement (CREATE INDEX) in a write transaction of its own. */
  exec(sql: string): Promise<void> {
    return this.request({ sql });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    for (const waiting of this.inFlight.values()) waiting.reject(new Error('the read-model store is closed'));
    this.inFlight.clear();
  }

  /** Hands one task to the thread (started if it is not running); resolves once it is done. */
  private request(task: { loads: WireLoad[]; checkpoints: [string, number][] } | { sql: string }): Promise<void> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject });
      worker.postMessage({ id, ...task });
    });
  }

  private start(): Worker {
    const worker = new Worker(BULK_WRITER_SOURCE, {
      eval: true,
      name: 'bulk writer',
      workerData: {
        file: this.file,
        lockWaitMs: BULK_LOCK_WAIT_MS,
        sql: { write: LOAD_DOCUMENT, remove: REMOVE_DOCUMENT, checkpoint: SET_CHECKPOINT },
      },
    });
    // Idle, the thread must not keep the process alive; a load in flight is awaited by whoever asked.
    worker.unref();
    worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.inFlight.get(id);
      this.inFlight.delete(id);
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(`writing the read models in bulk: ${error}`));
    });
    const lost = (error: unknown) => {
      if (worker !== this.worker) return;
      this.worker = null;
      for (const waiting of this.inFlight.values()) waiting.reject(error);
      this.inFlight.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the read models' bulk writer stopped (exit code ${code})`)));
    return worker;
  }
}
