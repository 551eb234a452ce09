import { on } from 'node:events';
import { mkdtempSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { WalCheckpointer } from './wal-checkpointer';

/**
 * The read models' WAL is checkpointed on a thread of its own, not inside a request's
 * commit (issue 13): what the store writes still reaches the database file, and if that
 * thread cannot run the commits checkpoint again.
 */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-checkpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("copies the store's commits from the WAL into the database file", async () => {
  const file = join(dir, 'read-models.sqlite');
  const store = await openSqliteReadModelStore(file);
  const watcher = watch(file);
  try {
    const changes = on(watcher, 'change');
    const things = store.collection<{ id: string; text: string }>('things');
    for (let n = 0; n < 200; n += 1) await things.upsert(`thing-${n}`, { id: `thing-${n}`, text: 'x'.repeat(1_000) });
    // Nothing but a checkpoint writes to the database file itself in WAL mode (the test
    // times out if the file never holds what was written).
    for await (const _ of changes) if (statSync(file).size > 200 * 1_000) break;
    expect(statSync(file).size).toBeGreaterThan(200 * 1_000);
  } finally {
    watcher.close();
    await store.close();
  }
});

it('gives the connection its automatic checkpoint back when the thread stops', async () => {
  const db = new DatabaseSync(join(dir, 'read-models.sqlite'));
  try {
    let stopped!: (error: unknown) => void;
    const stoppedWith = new Promise<unknown>((resolve) => (stopped = resolve));
    // The thread cannot open a file in a directory that does not exist.
    const checkpointer = new WalCheckpointer(join(dir, 'missing', 'read-models.sqlite'), db, stopped);
    expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 });
    expect(String(await stoppedWith)).toMatch(/unable to open database file/);
    expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 });
    await checkpointer.close();
  } finally {
    db.close();
  }
});
