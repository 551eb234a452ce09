import type { ReadModelStore } from '../read-model.port';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { storePerTest } from '../../testing/store-per-test';

/** A rebuild's flushes go to the read-model file on a thread of their own (issue 13). */
let store: ReadModelStore;

storePerTest('read-models.sqlite', async (file) => (store = await openSqliteReadModelStore(file)));

it('writes documents, removals and checkpoints in one go, which the store then reads', async () => {
  const things = store.collection<{ id: string; n: number }>('things');
  await things.upsert('gone', { id: 'gone', n: 0 });
  await store.bulkLoad!(
    [
      {
        collection: 'things',
        documents: [
          { id: 'b', json: JSON.stringify({ id: 'b', n: 2 }), position: 7 },
          { id: 'a', json: JSON.stringify({ id: 'a', n: 1 }), position: 5 },
          { id: 'gone', json: null, position: null },
        ],
      },
    ],
    new Map([['things-projection', 7]]),
  );
  expect((await things.find()).items).toEqual([
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
  ]);
  expect(await things.upsert('b', { id: 'b', n: 3 }, { position: 7 })).toBe(false);
  expect(await store.getCheckpoint('things-projection')).toBe(7);
});

it('writes nothing of a load that fails, and says why', async () => {
  const things = store.collection<{ id: string }>('things');
  const load = store.bulkLoad!(
    [
      { collection: 'things', documents: [{ id: 'a', json: JSON.stringify({ id: 'a' }), position: 1 }] },
      // The documents table refuses a document without an id.
      { collection: 'things', documents: [{ id: null as unknown as string, json: '{}', position: 2 }] },
    ],
    new Map([['things-projection', 2]]),
  );
  await expect(load).rejects.toThrow(/writing the read models in bulk: .*NOT NULL/);
  expect(await things.get('a')).toBeNull();
  expect(await store.getCheckpoint('things-projection')).toBe(0);
});
