import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** How long, in all, a writer waits for another process to release the file's write lock. */
export const WRITE_LOCK_WAIT_MS = 5_000;

/** Pauses between tries for a write lock another process holds: the first after pending I/O, then a few ms. */
const LOCK_RETRY_PAUSES_MS = [0, 1, 1, 2, 2, 3];

/**
 * Opens (creating if needed) a SQLite file that several processes may share: WAL lets
 * readers run beside the one writer. `durable` syncs every commit to disk, so an
 * acknowledged event survives a power cut, not only a crash of the process; read models
 * can be rebuilt from the log and do without. `setUp` (the schema) runs before the
 * connection serves anything, and may wait for another process's lock.
 *
 * The connection's busy timeout is 0 once set up: SQLite's busy handler waits for a lock by
 * sleeping, which would stop this process's event loop, requests and all, while another
 * process writes. Writers on it take the lock through `whenUnlocked` instead (the log's
 * commits have a thread and a connection of their own). Readers need no lock in WAL mode.
 */
export function openSharedDatabase(
  file: string,
  { durable }: { durable: boolean },
  setUp: (db: DatabaseSync) => void = () => {},
): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { timeout: 0 });
  waitingForLocks(db, () => {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
    setUp(db);
  });
  return db;
}

/**
 * Runs `work` with SQLite's busy handler waiting (synchronously, blocking this thread) for
 * locks another process holds: for opening a file, a close, and rare schema changes, never
 * on the way of a request.
 */
export function waitingForLocks<T>(db: DatabaseSync, work: () => T): T {
  db.exec(`PRAGMA busy_timeout = ${WRITE_LOCK_WAIT_MS}`);
  try {
    return work();
  } finally {
    db.exec('PRAGMA busy_timeout = 0');
  }
}

/** SQLITE_BUSY, with any extended code: another connection holds the lock asked for. */
export function isBusy(error: unknown): boolean {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown };
  return code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && (errcode & 0xff) === 5;
}

/**
 * Runs `work`, a write that takes the file's write lock first (a write transaction, or a
 * single statement) and so has no effect when the lock is taken; while another process
 * holds it, tries again after a short pause, leaving the event loop free meanwhile. After
 * `waitMs` in all it gives up with SQLite's SQLITE_BUSY (a 503 to a client, who may retry).
 */
export async function whenUnlocked<T>(work: () => T, waitMs = WRITE_LOCK_WAIT_MS): Promise<T> {
  const deadline = performance.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || performance.now() >= deadline) throw error;
    }
    await pauseBeforeRetry(attempt);
  }
}

function pauseBeforeRetry(attempt: number): Promise<unknown> {
  const pause = LOCK_RETRY_PAUSES_MS[Math.min(attempt, LOCK_RETRY_PAUSES_MS.length - 1)]!;
  return pause === 0 ? yieldToEventLoop() : sleep(pause);
}

/**
 * Runs `work` in a write transaction taken up front (BEGIN IMMEDIATE), so a
 * read-check-write sequence cannot interleave with another process's writes. Throws
 * SQLITE_BUSY at once, having done nothing, when another process holds the lock.
 */
export function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  // Inside a batch the transaction is open already: a savepoint keeps this write's all-or-nothing.
  const nested = db.isTransaction;
  db.exec(nested ? 'SAVEPOINT write' : 'BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec(nested ? 'RELEASE write' : 'COMMIT');
    return result;
  } catch (error) {
    db.exec(nested ? 'ROLLBACK TO write; RELEASE write' : 'ROLLBACK');
    throw error;
  }
}

/** Per connection, a batch's BEGIN while it waits for the lock: batches started meanwhile join it. */
const openingBatches = new WeakMap<DatabaseSync, Promise<void>>();

/**
 * Runs `work` in one write transaction, committed when it ends whether it succeeded or
 * not: each write in it already stands or falls alone (inWriteTransaction's savepoint), so
 * a batch only saves the commits between them. `work` must not wait on anything but this
 * process's own work, since the file's write lock is held meanwhile; a batch started
 * inside another, or while another waits for the lock, joins it.
 */
export async function inBatch<T>(db: DatabaseSync, work: () => Promise<T>): Promise<T> {
  // Not awaited when there is none: a batch that starts in the same turn must find this one's BEGIN.
  const waiting = openingBatches.get(db);
  if (waiting) await waiting;
  // A batch's transaction is the only one left open across turns of the event loop.
  if (db.isTransaction) return work();
  const opening = whenUnlocked(() => db.exec('BEGIN IMMEDIATE')).finally(() => openingBatches.delete(db));
  openingBatches.set(db, opening);
  await opening;
  try {
    return await work();
  } finally {
    db.exec('COMMIT');
  }
}
