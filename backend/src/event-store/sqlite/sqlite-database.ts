import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** How long a writer waits for another process to release the file's write lock. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) a SQLite file that several processes may share: WAL lets
 * readers run beside the one writer, and the busy timeout makes a writer wait for the
 * lock instead of failing at once. `durable` syncs every commit to disk, so an
 * acknowledged event survives a power cut, not only a crash of the process; read models
 * can be rebuilt from the log and do without.
 */
export function openSharedDatabase(file: string, { durable }: { durable: boolean }): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
  return db;
}

/**
 * Runs `work` in a write transaction taken up front (BEGIN IMMEDIATE), so a
 * read-check-write sequence cannot interleave with another process's writes.
 */
export function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  // Inside a batch the transaction is open already: a savepoint keeps this write's all-or-nothing.
  const nested = (batches.get(db) ?? 0) > 0;
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

/** Open batches per connection: while one is open, writes join its transaction. */
const batches = new WeakMap<DatabaseSync, number>();

/**
 * Runs `work` in one write transaction, committed when it ends whether it succeeded or
 * not: each write in it already stands or falls alone (inWriteTransaction's savepoint), so
 * a batch only saves the commits between them. `work` must not wait on anything but this
 * process's own work, since the file's write lock is held meanwhile; a batch started
 * inside another joins it.
 */
export async function inBatch<T>(db: DatabaseSync, work: () => Promise<T>): Promise<T> {
  const open = batches.get(db) ?? 0;
  if (open > 0) return work();
  db.exec('BEGIN IMMEDIATE');
  batches.set(db, 1);
  try {
    return await work();
  } finally {
    batches.set(db, 0);
    db.exec('COMMIT');
  }
}
