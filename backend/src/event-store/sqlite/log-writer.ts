import { Worker } from 'node:worker_threads';
import { type AppendResult, type ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port';
import { WRITE_LOCK_WAIT_MS } from './sqlite-database';

/** One append as the writer thread takes it: the events' data and metadata already as JSON. */
export interface LogAppend {
  streamId: string;
  expected: ExpectedRevision;
  events: { id: string; type: string; data: string; metadata: string }[];
}

type WireError =
  | { kind: 'wrong-revision'; streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' }
  | { kind: 'sqlite'; message: string; errcode: number; errstr: string }
  | { kind: 'other'; message: string };

/** `written` is false for an append whose event ids were in the stream already: the result is the earlier copy's. */
type Written = { result: AppendResult; written: boolean };

type Outcome = Written | { error: unknown };

type Reply = { id: number; outcomes: (Written | { error: WireError })[] } | { id: number; failed: WireError };

/**
 * The writer thread's code, plain JavaScript (it runs from the built backend and under the
 * tests alike). A commit syncs the log to disk and holds the file's write lock meanwhile;
 * here SQLite's busy handler may sleep, since nothing else runs on this thread.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: workerData.lockWaitMs });
db.exec('PRAGMA synchronous = FULL');
const eventById = db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?');
const tipUpTo = db.prepare('SELECT revision, position, recorded_at FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1');
const lastRevision = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');

function wire(error) {
  if (error && error.kind) return error;
  if (error && error.code === 'ERR_SQLITE_ERROR') return { kind: 'sqlite', message: error.message, errcode: error.errcode, errstr: error.errstr };
  return { kind: 'other', message: String(error && error.message ? error.message : error) };
}

function meets(expected, current) {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  return current === expected;
}

function appendOne({ streamId, expected, events }) {
  const original = eventById.get(streamId, events[0].id);
  if (original) {
    const tip = tipUpTo.get(streamId, original.revision + events.length - 1);
    return { result: { nextExpectedRevision: tip.revision, position: tip.position, recordedAt: tip.recorded_at }, written: false };
  }
  const current = lastRevision.get(streamId).revision ?? undefined;
  if (!meets(expected, current)) throw { kind: 'wrong-revision', streamId, expected, actual: current ?? 'no_stream' };
  const recordedAt = new Date().toISOString();
  let revision = current ?? -1;
  let position = 0;
  for (const event of events) {
    revision += 1;
    position = Number(insert.run(streamId, revision, event.id, event.type, event.data, event.metadata, recordedAt).lastInsertRowid);
  }
  return { result: { nextExpectedRevision: revision, position, recordedAt }, written: true };
}

parentPort.on('message', ({ id, appends, lockWaitMs }) => {
  try {
    db.exec('PRAGMA busy_timeout = ' + lockWaitMs);
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    parentPort.postMessage({ id, failed: wire(error) });
    return;
  }
  let outcomes;
  try {
    outcomes = appends.map((append) => {
      db.exec('SAVEPOINT append');
      try {
        const outcome = appendOne(append);
        db.exec('RELEASE append');
        return outcome;
      } catch (error) {
        db.exec('ROLLBACK TO append');
        db.exec('RELEASE append');
        return { error: wire(error) };
      }
    });
    db.exec('COMMIT');
  } catch (error) {
    try { db.exec('ROLLBACK'); } catch {}
    parentPort.postMessage({ id, failed: wire(error) });
    return;
  }
  parentPort.postMessage({ id, outcomes });
});
`;

/**
 * Commits appends to the log on a thread of its own. A commit waits for the disk to sync
 * (an acknowledged event survives a power cut) and, on a shared data directory, for the
 * other process to release the file's write lock: on the main thread both would stop every
 * request of this process meanwhile. A batch's outcomes come back in order, each append
 * applied or refused on its own; readers of the file see a commit only once it is synced.
 */
export class LogWriter {
  /** The thread, or null once it stopped: the next commit starts another. */
  private worker: Worker | null;
  private readonly inFlight = new Map<
    number,
    { resolve: (outcomes: Outcome[]) => void; reject: (error: unknown) => void }
  >();
  private nextId = 0;
  private closed = false;

  constructor(private readonly file: string) {
    this.worker = this.start();
  }

  /**
   * Commits the appends in one transaction, waiting at most `lockWaitMs` for the file's
   * write lock; resolves with each one's outcome, or rejects if the commit failed as a whole.
   */
  commit(appends: LogAppend[], lockWaitMs: number): Promise<Outcome[]> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject });
      worker.postMessage({ id, appends, lockWaitMs: Math.max(1, Math.ceil(lockWaitMs)) });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WRITER_SOURCE, {
      eval: true,
      name: 'log writer',
      // Opening may meet the other process's lock too; each commit then sets the wait it has left.
      workerData: { file: this.file, lockWaitMs: WRITE_LOCK_WAIT_MS },
    });
    // Idle, the thread must not keep the process alive; a commit in flight is awaited by whoever appended.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the log's writer thread stopped (exit code ${code})`)));
    return worker;
  }

  private settle(reply: Reply): void {
    const waiting = this.inFlight.get(reply.id);
    if (!waiting) return;
    this.inFlight.delete(reply.id);
    if ('failed' in reply) waiting.reject(fromWire(reply.failed));
    else waiting.resolve(reply.outcomes.map((o) => ('result' in o ? o : { error: fromWire(o.error) })));
  }

  /**
   * The thread stopped. Its commit in flight, if any, fails: SQLite rolled back what the
   * thread had not committed, and an append retried with the same event ids finds what it
   * had. The next commit starts a new thread, rather than this process going on serving
   * reads (its readiness check included) while refusing every write; started then and not
   * here, so a thread that cannot start fails a commit each time instead of spinning.
   */
  private lost(worker: Worker, error: unknown): void {
    // A thread that errs also exits: the second notice is of a thread already replaced.
    if (worker !== this.worker) return;
    this.worker = null;
    for (const waiting of this.inFlight.values()) waiting.reject(error);
    this.inFlight.clear();
  }
}

/** The error as the main thread's callers know it: SQLite's own shape (SQLITE_BUSY is a 503), or the port's. */
function fromWire(error: WireError): Error {
  if (error.kind === 'wrong-revision')
    return new WrongExpectedRevisionError(error.streamId, error.expected, error.actual);
  if (error.kind === 'sqlite') {
    return Object.assign(new Error(error.message), {
      code: 'ERR_SQLITE_ERROR',
      errcode: error.errcode,
      errstr: error.errstr,
    });
  }
  return new Error(error.message);
}
