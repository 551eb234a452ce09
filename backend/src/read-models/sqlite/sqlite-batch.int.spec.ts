import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuplicateKeyError, type ReadModelStore } from '../read-model.port';
import { openSqliteReadModelStore } from './sqlite-read-model-store';

/**
 * Issue 13's batched read-model writes: the projection runner commits every projection's
 * writes of an event together, and what it promises is what each write promised alone.
 */
let dir: string;
let file: string;
let store: ReadModelStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-batch-'));
  file = join(dir, 'read-models.sqlite');
  store = await openSqliteReadModelStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What another process sees: a connection of its own, outside this process's stores. */
function seenFromOutside(): string[] {
  const outside = new DatabaseSync(file, { readOnly: true });
  try {
    return (
      outside.prepare("SELECT id FROM documents WHERE collection = 'things' ORDER BY id").all() as { id: string }[]
    ).map((row) => row.id);
  } finally {
    outside.close();
  }
}

it('commits the writes of a batch together, once it ends', async () => {
  const things = store.collection<{ id: string }>('things');
  await store.batch!(async () => {
    await things.upsert('a', { id: 'a' });
    await things.upsert('b', { id: 'b' });
    expect(seenFromOutside()).toEqual([]);
    expect(await things.get('a')).toEqual({ id: 'a' });
  });
  expect(seenFromOutside()).toEqual(['a', 'b']);
});

it('undoes a failing write alone, and keeps the others when the batch itself fails', async () => {
  const things = store.collection<{ id: string; code: string }>('things', { unique: ['code'] });
  await expect(
    store.batch!(async () => {
      await things.upsert('a', { id: 'a', code: 'x' });
      await expect(things.upsert('b', { id: 'b', code: 'x' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await things.upsert('c', { id: 'c', code: 'y' });
      throw new Error('a projection failed after its writes');
    }),
  ).rejects.toThrow('a projection failed after its writes');
  expect(seenFromOutside()).toEqual(['a', 'c']);
});

it('lets another store of this process on the same file write during a batch, joining it instead of waiting for the lock', async () => {
  const other = await openSqliteReadModelStore(file);
  try {
    await store.batch!(async () => {
      await store.collection<{ id: string }>('things').upsert('a', { id: 'a' });
      await other.collection<{ id: string }>('things').upsert('b', { id: 'b' });
      await other.batch!(async () => other.collection<{ id: string }>('things').upsert('c', { id: 'c' }));
    });
    expect(seenFromOutside()).toEqual(['a', 'b', 'c']);
  } finally {
    await other.close();
  }
  // Closing one store leaves the connection open for the other.
  expect(await store.collection<{ id: string }>('things').get('a')).toEqual({ id: 'a' });
});

it('lets a write made while a batch is starting join its transaction instead of failing to begin another', async () => {
  const things = store.collection<{ id: string; code: string }>('things', { unique: ['code'] });
  // The batch's BEGIN runs at once, but its state says "open" only some microtasks later: a
  // request's write (here one with a unique field, a write transaction of its own) in between.
  const batch = store.batch!(async () => things.upsert('a', { id: 'a', code: 'x' }));
  const write = things.upsert('b', { id: 'b', code: 'y' });
  await expect(Promise.all([batch, write])).resolves.toEqual([true, true]);
  expect(seenFromOutside()).toEqual(['a', 'b']);
});
