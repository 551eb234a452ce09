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
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
