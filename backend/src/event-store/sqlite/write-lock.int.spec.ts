import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openSqliteReadModelStore } from '../../read-models/sqlite';
import type { EventStore } from '../event-store.port';
import { openSqliteEventStore } from './sqlite-event-store';
import { whenUnlocked } from './sqlite-database';

/**
 * Issue 13: a second backend on the same data directory writes to the same files. A writer
 * that finds the write lock held by the other process waits for it without stopping its
 * own event loop (SQLite's busy handler would sleep on it), and gives up with SQLITE_BUSY
 * (a 503) when the lock stays taken. The other process is played by a second connection
 * of this one, which can only let go of the lock if the event loop keeps turning.
 */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-write-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Another process's connection holding the file's write lock until `release`. */
function holdWriteLock(file: string) {
  const other = new DatabaseSync(file);
  other.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      other.exec('COMMIT');
      other.close();
    },
  };
}

function settledLater<T>(promise: Promise<T>) {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const event = (id: string) => ({ id, type: 'Something', data: { id } });

describe('an append that meets the event log locked by another process', () => {
  let store: EventStore;
  let file: string;

  beforeEach(async () => {
    file = join(dir, 'events.sqlite');
    store = await openSqliteEventStore(file);
  });
  afterEach(async () => {
    await store.close();
  });

  it('waits while this process goes on serving, then commits with the appends that came meanwhile', async () => {
    const lock = holdWriteLock(file);
    const first = store.append('thing-1', [event('e1')], 'no_stream');
    const firstState = settledLater(first);

    await nextTurn();
    const second = store.append('thing-2', [event('e2')], 'no_stream');
    await nextTurn();
    await nextTurn();

    expect(firstState.settled).toBe(false);
    lock.release();
    const [one, two] = await Promise.all([first, second]);
    expect(two.position).toBe(one.position + 1);
    expect((await store.readAll()).map((recorded) => recorded.id)).toEqual(['e1', 'e2']);
  });
});

describe('a read-model write that meets the file locked by another process', () => {
  it('waits while this process goes on serving, then applies', async () => {
    const file = join(dir, 'read-models.sqlite');
    const store = await openSqliteReadModelStore(file);
    try {
      const counters = store.collection('counters');
      const lock = holdWriteLock(file);
      const counted = counters.increment('logins', 1, { now: 0, expiresAt: Number.MAX_SAFE_INTEGER });
      const state = settledLater(counted);

      await nextTurn();

      expect(state.settled).toBe(false);
      lock.release();
      expect(await counted).toMatchObject({ id: 'logins', count: 1 });
    } finally {
      await store.close();
    }
  });
});

describe('appends queued behind a commit that waits for the lock', () => {
  it('each wait until their own allowance runs out, counted from when they were asked for', async () => {
    const file = join(dir, 'events.sqlite');
    // Margins of half a second either way, so a busy machine's stalls do not decide the outcome.
    const store = await openSqliteEventStore(file, { lockWaitMs: 2_000 });
    const lock = holdWriteLock(file);
    try {
      const first = store.append('thing-1', [event('e1')], 'no_stream');
      await nextTurn();
      // Both asked for while the first commit waits for the lock: they share the next commit.
      const early = store.append('thing-2', [event('e2')], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const late = store.append('thing-3', [event('e3')], 'no_stream');
      // The lock comes free a while after the first gave up: the early one has used up its
      // allowance by then, the late one has about half of its own left.
      await first.catch(() => setTimeout(() => lock.release(), 500));

      await expect(early).rejects.toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 5 });
      await expect(late).resolves.toMatchObject({ nextExpectedRevision: 0 });
      expect((await store.readAll()).map((recorded) => recorded.id)).toEqual(['e3']);
    } finally {
      await store.close();
    }
  });
});

describe('a write lock that is not released', () => {
  it('gives up after the wait with SQLITE_BUSY, having written nothing', async () => {
    const file = join(dir, 'store.sqlite');
    const db = new DatabaseSync(file, { timeout: 0 });
    db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x)');
    const lock = holdWriteLock(file);
    try {
      await expect(whenUnlocked(() => db.exec('INSERT INTO t VALUES (1)'), 50)).rejects.toMatchObject({
        code: 'ERR_SQLITE_ERROR',
        errcode: 5,
      });
    } finally {
      lock.release();
    }
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});
