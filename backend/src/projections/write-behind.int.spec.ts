import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { Collection, ReadModelStore } from '../read-models/read-model.port';
import { IdFilter, WriteBehindStore } from './write-behind';
import { storePerTest } from '../testing/store-per-test';

interface BallotView {
  id: string;
  casts: number;
}

let store: ReadModelStore;
let buffered: WriteBehindStore;
/** Ids the buffered store asked the real one for. */
let reads: string[];

beforeEach(async () => {
  store = await openSqliteReadModelStore(':memory:');
  buffered = new WriteBehindStore(watchingReads(store), new Set(['ballots']));
  reads = [];
});
afterEach(() => store.close());

const ballots = () => buffered.collection<BallotView>('ballots');
const stored = () => store.collection<BallotView>('ballots');

/** The store itself, except that it notes every `get` on a collection. */
function watchingReads(inner: ReadModelStore): ReadModelStore {
  return Object.assign(Object.create(inner) as ReadModelStore, {
    collection<T extends object>(name: string): Collection<T> {
      const collection = inner.collection<T>(name);
      return Object.assign(Object.create(collection) as Collection<T>, {
        get: (id: string) => {
          reads.push(id);
          return collection.get(id);
        },
      });
    },
  });
}

describe('a rebuild’s write-behind store', () => {
  it('keeps writes and checkpoints in memory until a flush writes them out', async () => {
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });
    await buffered.setCheckpoint('ballots', 1);

    expect(await ballots().get('b1')).toEqual({ id: 'b1', casts: 1 });
    expect(await stored().get('b1')).toBeNull();
    expect(await store.getCheckpoint('ballots')).toBe(0);

    await buffered.flush();

    expect(await stored().get('b1')).toEqual({ id: 'b1', casts: 1 });
    expect(await store.getCheckpoint('ballots')).toBe(1);
  });

  it('answers a miss on an id it never wrote without reading the store', async () => {
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });

    expect(await ballots().get('b2')).toBeNull();
    expect(reads).toEqual([]);
  });

  it('reads back a document flushed and evicted since, so a revote finds the first ballot', async () => {
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });
    // Written and not read again: the flush evicts it.
    await buffered.flush();

    expect(await ballots().get('b1')).toEqual({ id: 'b1', casts: 1 });
    expect(reads).toEqual(['b1']);
    expect(await ballots().upsert('b1', { id: 'b1', casts: 2 }, { position: 7 })).toBe(true);
    await buffered.flush();
    expect(await stored().get('b1')).toEqual({ id: 'b1', casts: 2 });
  });

  it('guards positions of the documents it holds, as the store would', async () => {
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 5 });

    expect(await ballots().upsert('b1', { id: 'b1', casts: 9 }, { position: 5 })).toBe(false);
    expect(await ballots().delete('b1', { position: 4 })).toBe(false);
    expect(await ballots().get('b1')).toEqual({ id: 'b1', casts: 1 });
    expect(await ballots().delete('b1', { position: 6 })).toBe(true);
    await buffered.flush();
    expect(await stored().upsert('b1', { id: 'b1', casts: 1 }, { position: 6 })).toBe(false);
  });

  it('keeps what was written, whatever the writer does with its object afterwards', async () => {
    const ballot = { id: 'b1', casts: 1 };
    await ballots().upsert('b1', ballot, { position: 1 });
    ballot.casts = 5;
    (await ballots().get('b1'))!.casts = 6;

    expect(await ballots().get('b1')).toEqual({ id: 'b1', casts: 1 });
  });

  it('passes collections it was not given straight to the store', async () => {
    await buffered.collection<BallotView>('sessions').upsert('s1', { id: 's1', casts: 0 });

    expect(await store.collection('sessions').get('s1')).toEqual({ id: 's1', casts: 0 });
  });

  it('finds what is still in memory, by flushing first', async () => {
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });

    expect((await ballots().find()).items).toEqual([{ id: 'b1', casts: 1 }]);
  });
});

describe('a rebuild’s write-behind store, for collections written once', () => {
  interface LeafView {
    index: number;
  }
  const leaves = (writing: WriteBehindStore) => writing.collection<LeafView>('leaves');

  beforeEach(() => {
    buffered = new WriteBehindStore(watchingReads(store), new Set(['ballots', 'leaves']), new Set(['leaves']));
  });

  it('keeps their documents until a flush writes them out, with the checkpoint after them', async () => {
    await leaves(buffered).upsert('e1', { index: 0 }, { position: 1 });
    await leaves(buffered).upsert('e2', { index: 1 }, { position: 2 });
    await buffered.setCheckpoint('audit-log', 2);

    expect(await store.collection('leaves').count()).toBe(0);
    await buffered.flush();

    expect(await store.collection('leaves').get('e2')).toEqual({ index: 1 });
    expect(await store.getCheckpoint('audit-log')).toBe(2);
    expect(reads).toEqual([]);
  });

  it('still answers a read, from the store, after writing out what waits', async () => {
    await leaves(buffered).upsert('e1', { index: 0 }, { position: 1 });
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });

    expect(await leaves(buffered).get('e1')).toEqual({ index: 0 });
    expect(await leaves(buffered).get('e9')).toBeNull();
    // Everything waiting went out together, the other collection's writes too.
    expect(await stored().get('b1')).toEqual({ id: 'b1', casts: 1 });
  });

  it('keeps what was written, whatever the writer does with its object afterwards', async () => {
    const leaf = { index: 0 };
    await leaves(buffered).upsert('e1', leaf, { position: 1 });
    leaf.index = 7;
    await buffered.flush();

    expect(await store.collection('leaves').get('e1')).toEqual({ index: 0 });
  });

  it('forgets what waits when cleared', async () => {
    await leaves(buffered).upsert('e1', { index: 0 }, { position: 1 });
    await ballots().upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });
    await leaves(buffered).clear();

    expect(buffered.dirty).toBe(1);
    await buffered.flush();
    expect(await store.collection('leaves').count()).toBe(0);
  });

  it('counts them towards the next flush, which writes them out without being asked', async () => {
    const writing = new WriteBehindStore(store, new Set(['leaves']), new Set(['leaves']), 2);

    await writing.batch(async () => {
      await leaves(writing).upsert('e1', { index: 0 }, { position: 1 });
      await leaves(writing).upsert('e2', { index: 1 }, { position: 2 });
    });

    // Taken by a flush the batch started; waiting for it writes nothing more.
    expect(writing.epoch).toBe(1);
    expect(writing.dirty).toBe(0);
    await writing.flush();
    expect(await store.collection('leaves').count()).toBe(2);
  });
});

describe('a rebuild’s write-behind store on a file', () => {
  let onFile: ReadModelStore;

  storePerTest('read-models.sqlite', async (file) => (onFile = await openSqliteReadModelStore(file)));

  it('goes on while its flush is written on the store’s thread, and keeps the documents until they are written', async () => {
    const writing = new WriteBehindStore(watchingReads(onFile), new Set(['ballots']), new Set(), 2);
    const ballotsOnFile = writing.collection<BallotView>('ballots');
    await writing.batch(async () => {
      await ballotsOnFile.upsert('b1', { id: 'b1', casts: 1 }, { position: 1 });
      await ballotsOnFile.upsert('b2', { id: 'b2', casts: 1 }, { position: 2 });
      await writing.setCheckpoint('ballots', 2);
    });
    // The flush the batch started may still be writing: what it holds is read from memory meanwhile.
    expect(await ballotsOnFile.get('b1')).toEqual({ id: 'b1', casts: 1 });
    expect(reads).toEqual([]);
    await ballotsOnFile.upsert('b1', { id: 'b1', casts: 2 }, { position: 3 });

    await writing.flush();
    const written = onFile.collection<BallotView>('ballots');
    expect([await written.get('b1'), await written.get('b2')]).toEqual([
      { id: 'b1', casts: 2 },
      { id: 'b2', casts: 1 },
    ]);
    expect(await onFile.getCheckpoint('ballots')).toBe(2);
  });

  it('fails the next flush when a flush could not be written, so a rebuild stops instead of switching', async () => {
    const failing = Object.assign(Object.create(onFile) as ReadModelStore, {
      bulkLoad: () => Promise.reject(new Error('the disk is full')),
    });
    const writing = new WriteBehindStore(failing, new Set(['ballots']), new Set(), 1);
    await writing.batch(() => writing.collection<BallotView>('ballots').upsert('b1', { id: 'b1', casts: 1 }));
    await expect(writing.flush()).rejects.toThrow('the disk is full');
  });
});

describe('the filter of ids written', () => {
  it('never forgets an id, however many it holds', () => {
    const filter = new IdFilter();
    const ids = Array.from({ length: 20_000 }, (_, i) => `edition:${i.toString(16).padStart(64, '0')}`);
    for (const id of ids) filter.add(id);

    expect(ids.every((id) => filter.mayHave(id))).toBe(true);
    const strangers = Array.from({ length: 5_000 }, (_, i) => `other:${i}`);
    // About 1 % false positives by design; far fewer than a tenth.
    expect(strangers.filter((id) => filter.mayHave(id)).length).toBeLessThan(500);
  });
});
