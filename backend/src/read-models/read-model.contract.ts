import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import {
  type Collection,
  type CounterDoc,
  type LeaseDoc,
  DuplicateKeyError,
  type FindOptions,
  type ReadModelStore,
} from './read-model.port';

/**
 * What an adapter's spec hands the contract suite. `open` is called before every test;
 * the storage may hold collections from earlier tests (each test uses fresh names).
 */
export interface ReadModelStoreHarness {
  store: ReadModelStore;
  /** Opens a second, independent client on the same storage, as another backend process would. */
  openAgain: () => Promise<ReadModelStore>;
  /** Closes `store` if it is still open and disposes of the storage. */
  cleanup: () => Promise<void>;
}

interface ProposalView {
  id: string;
  title: string;
  district: string;
  status: string;
  cost: number;
  supports: number;
  featured?: boolean;
  ward?: number | string;
  note?: string | null;
  folio?: string;
  slug?: string | null;
  location?: { lat: number; lng: number };
  tags?: string[];
}

export interface ReadModelContractOptions {
  /**
   * Why the server under test cannot apply concurrent updates of one document atomically,
   * when it cannot: the concurrency case is then reported as skipped, with this reason.
   */
  nonAtomicUpdates?: string;
}

/** The behaviour every read-model adapter must have; see read-model.port.ts. */
export function describeReadModelContract(
  adapterName: string,
  open: () => Promise<ReadModelStoreHarness>,
  options: ReadModelContractOptions = {},
): void {
  describe(`${adapterName} read-model store contract`, () => {
    let harness: ReadModelStoreHarness;
    let store: ReadModelStore;
    /** Unique per test, so collection and projection names never meet earlier tests' ones. */
    let run: string;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      run = randomUUID().slice(0, 8);
    });

    afterEach(() => harness.cleanup());

    const proposalsName = () => `proposals_${run}`;
    const proposals = () => store.collection<ProposalView>(proposalsName());
    const slugged = () => store.collection<ProposalView>(proposalsName(), { unique: ['slug', 'folio'] });

    describe('documents', () => {
      it('returns what was upserted, nested values included, and null for an unknown id', async () => {
        const park = proposal('p1', { location: { lat: 25.67, lng: -100.31 }, tags: ['parques', 'agua'], note: null });

        expect(await proposals().upsert('p1', park)).toBe(true);

        expect(await proposals().get('p1')).toEqual(park);
        expect(await proposals().get('p404')).toBeNull();
      });

      it('an upsert replaces the whole document', async () => {
        await proposals().upsert('p1', proposal('p1', { note: 'first draft' }));
        const revised = proposal('p1', { title: 'Parque revisado' });

        await proposals().upsert('p1', revised);

        expect(await proposals().get('p1')).toEqual(revised);
      });

      it('delete removes a document and reports whether there was one', async () => {
        await proposals().upsert('p1', proposal('p1'));

        expect(await proposals().delete('p1')).toBe(true);
        expect(await proposals().get('p1')).toBeNull();
        expect(await proposals().delete('p1')).toBe(false);
      });

      it('keeps collections apart, even for equal ids', async () => {
        const other = store.collection<ProposalView>(`archive_${run}`);
        await proposals().upsert('p1', proposal('p1', { title: 'current' }));
        await other.upsert('p1', proposal('p1', { title: 'archived' }));

        await other.clear();

        expect(await proposals().get('p1')).toMatchObject({ title: 'current' });
        expect(await other.get('p1')).toBeNull();
      });
    });

    describe('position guard', () => {
      it('ignores a write whose position is not newer than the stored one, and reports it', async () => {
        const original = proposal('p1', { supports: 5 });
        expect(await proposals().upsert('p1', original, { position: 5 })).toBe(true);

        expect(await proposals().upsert('p1', proposal('p1', { supports: 99 }), { position: 5 })).toBe(false);
        expect(await proposals().upsert('p1', proposal('p1', { supports: 99 }), { position: 3 })).toBe(false);
        expect(await proposals().get('p1')).toEqual(original);

        expect(await proposals().upsert('p1', proposal('p1', { supports: 6 }), { position: 6 })).toBe(true);
        expect(await proposals().get('p1')).toMatchObject({ supports: 6 });
      });

      it('always applies a write without a position', async () => {
        await proposals().upsert('p1', proposal('p1'), { position: 10 });

        expect(await proposals().upsert('p1', proposal('p1', { status: 'withdrawn' }))).toBe(true);

        expect(await proposals().get('p1')).toMatchObject({ status: 'withdrawn' });
      });

      it('ignores a delete at an older position and applies one at a newer position', async () => {
        await proposals().upsert('p1', proposal('p1'), { position: 5 });

        expect(await proposals().delete('p1', { position: 4 })).toBe(false);
        expect(await proposals().get('p1')).not.toBeNull();
        expect(await proposals().delete('p1', { position: 6 })).toBe(true);
        expect(await proposals().get('p1')).toBeNull();
      });

      it('remembers a delete’s position, so replaying an older write does not bring the document back', async () => {
        await proposals().upsert('p1', proposal('p1'), { position: 2 });
        await proposals().delete('p1', { position: 4 });

        expect(await proposals().upsert('p1', proposal('p1'), { position: 3 })).toBe(false);
        expect(await proposals().get('p1')).toBeNull();
        expect(await proposals().count()).toBe(0);
        expect(await proposals().upsert('p1', proposal('p1'), { position: 5 })).toBe(true);
      });

      it('replaying the writes, in full or from any point, leaves the documents as they were', async () => {
        const write = fc.record({
          id: fc.constantFrom('p1', 'p2', 'p3'),
          kind: fc.constantFrom('upsert', 'upsert', 'delete'),
          supports: fc.nat(50),
        });
        await fc.assert(
          fc.asyncProperty(fc.array(write, { maxLength: 25 }), fc.nat(), async (writes, from) => {
            const collection = proposals();
            await collection.clear();
            const apply = async (start: number) => {
              for (const [index, { id, kind, supports }] of writes.entries()) {
                if (index < start) continue;
                const position = index + 1;
                if (kind === 'delete') await collection.delete(id, { position });
                else await collection.upsert(id, proposal(id, { supports }), { position });
              }
            };

            await apply(0);
            const applied = (await collection.find()).items;
            await apply(from % (writes.length + 1));
            await apply(0);

            expect(applied).toEqual(lastWriteWins(writes));
            expect((await collection.find()).items).toEqual(applied);
          }),
          { numRuns: 30 },
        );
      });
    });

    describe('bulk load', () => {
      it('writes each document as given, replacing what its id held, and records its position', async () => {
        await proposals().upsert('p1', proposal('p1', { title: 'before' }), { position: 9 });
        const p1 = proposal('p1', { title: 'loaded', location: { lat: 25.67, lng: -100.31 } });
        const p2 = proposal('p2', { tags: ['agua'] });

        await proposals().load([
          { id: 'p1', json: JSON.stringify(p1), position: 3 },
          { id: 'p2', json: JSON.stringify(p2), position: 4 },
        ]);

        expect((await proposals().find()).items).toEqual([p1, p2]);
        // The loaded positions guard later writes, as an upsert's would.
        expect(await proposals().upsert('p2', proposal('p2', { supports: 7 }), { position: 4 })).toBe(false);
        expect(await proposals().upsert('p1', proposal('p1', { supports: 7 }), { position: 4 })).toBe(true);
      });

      it('leaves a deleted document’s position behind, or removes the document when there is none', async () => {
        await proposals().upsert('p1', proposal('p1'), { position: 1 });
        await proposals().upsert('p2', proposal('p2'), { position: 1 });

        await proposals().load([
          { id: 'p1', json: null, position: 5 },
          { id: 'p2', json: null, position: null },
        ]);

        expect(await proposals().count()).toBe(0);
        expect(await proposals().upsert('p1', proposal('p1'), { position: 4 })).toBe(false);
        expect(await proposals().upsert('p2', proposal('p2'), { position: 1 })).toBe(true);
      });

      it('still refuses a value another document holds in a unique field', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }));

        await expect(
          slugged().load([{ id: 'p2', json: JSON.stringify(proposal('p2', { slug: 'parque' })), position: 2 }]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
      });
    });

    describe('unique keys', () => {
      it('refuses a document taking another’s value with DuplicateKeyError, changing nothing', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque-lineal' }));

        await expectDuplicate(slugged().upsert('p2', proposal('p2', { slug: 'parque-lineal' })), {
          collection: proposalsName(),
          field: 'slug',
          value: 'parque-lineal',
        });

        expect(await slugged().get('p2')).toBeNull();
        expect(await slugged().count()).toBe(1);
      });

      it('leaves a refused update undone, so the same write can land once the value is free', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque-lineal' }), { position: 1 });
        const before = proposal('p2', { slug: 'ciclovia', folio: 'F-2' });
        await slugged().upsert('p2', before, { position: 2 });
        const taking = proposal('p2', { slug: 'parque-lineal', folio: 'F-2b' });

        await expectDuplicate(slugged().upsert('p2', taking, { position: 3 }), {
          field: 'slug',
          value: 'parque-lineal',
        });

        expect(await slugged().get('p2')).toEqual(before);
        await expectDuplicate(slugged().upsert('p3', proposal('p3', { folio: 'F-2' })), { field: 'folio' });
        expect(await slugged().upsert('p3', proposal('p3', { folio: 'F-2b' }))).toBe(true);
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }), { position: 4 });
        expect(await slugged().upsert('p2', { ...taking, folio: 'F-2' }, { position: 3 })).toBe(true);
      });

      it('enforces every declared field', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'a', folio: 'F-1' }));

        await expectDuplicate(slugged().upsert('p2', proposal('p2', { slug: 'b', folio: 'F-1' })), {
          field: 'folio',
          value: 'F-1',
        });
      });

      it('lets a document be written again with its own value', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque-lineal' }));

        expect(await slugged().upsert('p1', proposal('p1', { slug: 'parque-lineal', supports: 3 }))).toBe(true);
      });

      it('frees a value when its document changes it or is deleted', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }));
        await slugged().upsert('p2', proposal('p2', { slug: 'lago' }));

        await slugged().upsert('p1', proposal('p1', { slug: 'parque-lineal' }));
        await slugged().delete('p2', { position: 9 });

        expect(await slugged().upsert('p3', proposal('p3', { slug: 'parque' }))).toBe(true);
        expect(await slugged().upsert('p4', proposal('p4', { slug: 'lago' }))).toBe(true);
      });

      it('lets any number of documents lack the value or hold null', async () => {
        await slugged().upsert('p1', proposal('p1'));
        await slugged().upsert('p2', proposal('p2'));
        await slugged().upsert('p3', proposal('p3', { slug: null }));
        await slugged().upsert('p4', proposal('p4', { slug: null }));

        expect(await slugged().count()).toBe(4);
      });

      it('ignores a stale write before checking its values', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }), { position: 5 });
        await slugged().upsert('p2', proposal('p2', { slug: 'lago' }), { position: 6 });

        expect(await slugged().upsert('p2', proposal('p2', { slug: 'parque' }), { position: 3 })).toBe(false);
      });

      it('holds for every handle on the collection once declared', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }));

        await expectDuplicate(proposals().upsert('p2', proposal('p2', { slug: 'parque' })), { field: 'slug' });
      });
    });

    describe('find and count', () => {
      const p1 = proposal('p1', {
        title: 'Parque lineal Río Santa Catarina',
        district: 'centro',
        status: 'feasible',
        cost: 500,
        supports: 10,
        featured: true,
        note: 'revisado',
      });
      const p2 = proposal('p2', {
        title: 'Ciclovía Constitución',
        district: 'centro',
        status: 'feasible',
        cost: 1000,
        supports: 25,
        featured: false,
      });
      const p3 = proposal('p3', {
        title: 'Biblioteca en La Peña',
        district: 'norte',
        status: 'rejected',
        cost: 800,
        supports: 25,
        featured: false,
        folio: '100%_real',
      });
      const p4 = proposal('p4', {
        title: 'Luminarias 100% LED',
        district: 'sur',
        status: 'feasible',
        cost: 90,
        supports: 3,
        ward: 1,
        note: null,
      });
      const p5 = proposal('p5', {
        title: 'PEÑA deportiva',
        district: 'norte',
        status: 'pending',
        cost: 800,
        supports: 7,
        featured: true,
        ward: '1',
      });

      let collection: Collection<ProposalView>;
      const ids = async (options: FindOptions) => (await collection.find(options)).items.map((item) => item.id);

      beforeEach(async () => {
        collection = proposals();
        for (const view of [p4, p2, p5, p1, p3]) await collection.upsert(view.id, view);
      });

      it('returns every document ordered by id when given no options', async () => {
        expect(await collection.find()).toEqual({ items: [p1, p2, p3, p4, p5], total: 5 });
      });

      it('keeps documents whose fields equal every given value', async () => {
        expect(await ids({ filter: { district: 'centro' } })).toEqual(['p1', 'p2']);
        expect(await ids({ filter: { district: 'norte', status: 'pending' } })).toEqual(['p5']);
        expect(await ids({ filter: { supports: 25 } })).toEqual(['p2', 'p3']);
        expect(await ids({ filter: { district: 'oriente' } })).toEqual([]);
      });

      it('compares values with their types: 1, "1" and true differ', async () => {
        expect(await ids({ filter: { ward: 1 } })).toEqual(['p4']);
        expect(await ids({ filter: { ward: '1' } })).toEqual(['p5']);
        expect(await ids({ filter: { featured: true } })).toEqual(['p1', 'p5']);
        expect(await ids({ filter: { featured: false } })).toEqual(['p2', 'p3']);
      });

      it('matches null against null and absent fields', async () => {
        expect(await ids({ filter: { note: null } })).toEqual(['p2', 'p3', 'p4', 'p5']);
        expect(await ids({ filter: { note: { in: [null] } } })).toEqual(['p2', 'p3', 'p4', 'p5']);
      });

      it('in keeps documents whose field has any of the values', async () => {
        expect(await ids({ filter: { status: { in: ['pending', 'rejected'] } } })).toEqual(['p3', 'p5']);
        expect(await ids({ filter: { status: { in: ['feasible'] }, district: 'centro' } })).toEqual(['p1', 'p2']);
        expect(await ids({ filter: { status: { in: [] } } })).toEqual([]);
      });

      it('contains is a case-insensitive substring test, accented capitals included', async () => {
        expect(await ids({ filter: { title: { contains: 'peña' } } })).toEqual(['p3', 'p5']);
        expect(await ids({ filter: { title: { contains: 'PARQUE' } } })).toEqual(['p1']);
        expect(await ids({ filter: { title: { contains: 'ciclovía constitución' } } })).toEqual(['p2']);
      });

      it('contains takes % and _ literally', async () => {
        expect(await ids({ filter: { title: { contains: '100%' } } })).toEqual(['p4']);
        expect(await ids({ filter: { folio: { contains: '%_' } } })).toEqual(['p3']);
        expect(await ids({ filter: { title: { contains: 'p%e' } } })).toEqual([]);
        expect(await ids({ filter: { title: { contains: '_' } } })).toEqual([]);
      });

      it('search finds the text in any of the given fields, within the filter', async () => {
        expect(await ids({ search: { fields: ['title', 'district'], text: 'NORTE' } })).toEqual(['p3', 'p5']);
        expect(
          await ids({ search: { fields: ['title', 'district'], text: 'centro' }, filter: { featured: true } }),
        ).toEqual(['p1']);
        expect(await ids({ search: { fields: ['title'], text: 'centro' } })).toEqual([]);
      });

      it('sorts by the given fields in turn, numbers by value, and breaks ties by id', async () => {
        expect(await ids({ sort: [{ field: 'cost', direction: 'asc' }] })).toEqual(['p4', 'p1', 'p3', 'p5', 'p2']);
        expect(await ids({ sort: [{ field: 'supports', direction: 'desc' }] })).toEqual(['p2', 'p3', 'p1', 'p5', 'p4']);
        expect(
          await ids({
            sort: [
              { field: 'district', direction: 'asc' },
              { field: 'cost', direction: 'desc' },
            ],
          }),
        ).toEqual(['p2', 'p1', 'p3', 'p5', 'p4']);
        expect(await ids({ filter: { status: 'feasible' }, sort: [{ field: 'cost', direction: 'desc' }] })).toEqual([
          'p2',
          'p1',
          'p4',
        ]);
      });

      it('sorts documents without the field first when ascending and last when descending', async () => {
        expect(await ids({ sort: [{ field: 'featured', direction: 'asc' }] })).toEqual(['p4', 'p2', 'p3', 'p1', 'p5']);
        expect(await ids({ sort: [{ field: 'featured', direction: 'desc' }] })).toEqual(['p1', 'p5', 'p2', 'p3', 'p4']);
      });

      it('pages with limit and offset, reporting the total of all matches', async () => {
        const page = (offset: number) =>
          collection.find({ sort: [{ field: 'cost', direction: 'asc' }], limit: 2, offset });

        expect(await page(0)).toEqual({ items: [p4, p1], total: 5 });
        expect(await page(2)).toEqual({ items: [p3, p5], total: 5 });
        expect(await page(4)).toEqual({ items: [p2], total: 5 });
        expect(await page(6)).toEqual({ items: [], total: 5 });
        expect(await collection.find({ filter: { district: 'norte' }, limit: 1 })).toEqual({ items: [p3], total: 2 });
        expect(await collection.find({ filter: { district: 'norte' }, offset: 1 })).toEqual({ items: [p5], total: 2 });
      });

      it('counts the documents matching a filter', async () => {
        expect(await collection.count()).toBe(5);
        expect(await collection.count({ district: 'norte' })).toBe(2);
        expect(await collection.count({ status: { in: ['feasible', 'pending'] }, featured: true })).toBe(2);
        expect(await collection.count({ title: { contains: 'PEÑA' } })).toBe(2);
      });

      it('clear removes every document of the collection, and their unique values', async () => {
        const withSlugs = slugged();
        await withSlugs.upsert('p6', proposal('p6', { slug: 'parque' }));

        await collection.clear();

        expect(await collection.find()).toEqual({ items: [], total: 0 });
        expect(await collection.get('p1')).toBeNull();
        expect(await withSlugs.upsert('p7', proposal('p7', { slug: 'parque' }))).toBe(true);
      });
    });

    describe('counters', () => {
      const counters = (on: ReadModelStore = store) => on.collection<CounterDoc>(`counters_${run}`);
      const window = { now: 1_000, expiresAt: 61_000 };

      it('starts a counter at the amount with its expiry, then adds to it and keeps the expiry', async () => {
        expect(await counters().increment('k', 1, window)).toEqual({ id: 'k', count: 1, expiresAt: 61_000 });
        expect(await counters().increment('k', 2, { now: 30_000, expiresAt: 90_000 })).toEqual({
          id: 'k',
          count: 3,
          expiresAt: 61_000,
        });
        expect(await counters().get('k')).toEqual({ id: 'k', count: 3, expiresAt: 61_000 });
        expect(await counters().increment('other', 1, window)).toMatchObject({ count: 1 });
      });

      it('starts a counter again once it has expired', async () => {
        await counters().increment('k', 5, window);

        expect(await counters().increment('k', 1, { now: 61_000, expiresAt: 121_000 })).toEqual({
          id: 'k',
          count: 1,
          expiresAt: 121_000,
        });
      });

      const concurrently = options.nonAtomicUpdates
        ? (name: string, _test: () => Promise<void>) =>
            it.skip(`${name}: skipped, ${options.nonAtomicUpdates}`, () => {})
        : it;
      concurrently(
        'counts every one of many concurrent increments from two clients once (each sees its own count)',
        async () => {
          const other = await harness.openAgain();
          try {
            const counts = await Promise.all(
              Array.from({ length: 40 }, (_, i) => counters(i % 2 ? other : store).increment('k', 1, window)),
            );
            expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
              Array.from({ length: 40 }, (_, i) => i + 1),
            );
            expect(await counters().get('k')).toMatchObject({ count: 40 });
          } finally {
            await other.close();
          }
        },
      );

      it('deleteExpired removes only the documents expired at that time', async () => {
        await counters().increment('old', 1, { now: 0, expiresAt: 1_000 });
        await counters().increment('edge', 1, { now: 0, expiresAt: 2_000 });
        await counters().increment('live', 1, { now: 0, expiresAt: 2_001 });
        const kept = store.collection<{ id: string; expiresAt?: string }>(`counters_${run}`);
        await kept.upsert('no-expiry', { id: 'no-expiry' });
        await kept.upsert('text-expiry', { id: 'text-expiry', expiresAt: '1' });

        expect(await counters().deleteExpired(2_000)).toBe(2);

        expect((await kept.find()).items.map((doc) => doc.id)).toEqual(['live', 'no-expiry', 'text-expiry']);
      });
    });

    describe('leases', () => {
      const leases = (on: ReadModelStore = store) => on.collection<LeaseDoc>(`leases_${run}`);

      it('gives a free lease to the first claimant, renews it for them, and refuses it to others until it expires', async () => {
        expect(await leases().claim('projector', 'a', { now: 1_000, expiresAt: 4_000 })).toBe(true);
        expect(await leases().claim('projector', 'b', { now: 2_000, expiresAt: 5_000 })).toBe(false);
        expect(await leases().claim('projector', 'a', { now: 3_000, expiresAt: 6_000 })).toBe(true);
        expect(await leases().claim('projector', 'b', { now: 5_999, expiresAt: 9_000 })).toBe(false);
        expect(await leases().get('projector')).toEqual({ id: 'projector', holder: 'a', expiresAt: 6_000 });

        expect(await leases().claim('projector', 'b', { now: 6_000, expiresAt: 9_000 })).toBe(true);
        expect(await leases().claim('projector', 'a', { now: 6_500, expiresAt: 9_500 })).toBe(false);
      });

      it('is free again at once when its holder gives it up', async () => {
        await leases().claim('projector', 'a', { now: 1_000, expiresAt: 4_000 });
        await leases().claim('projector', 'a', { now: 2_000, expiresAt: 2_000 });

        expect(await leases().claim('projector', 'b', { now: 2_000, expiresAt: 5_000 })).toBe(true);
      });

      it('goes to exactly one of many concurrent claimants from two clients', async () => {
        const other = await harness.openAgain();
        try {
          const claims = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              leases(i % 2 ? other : store).claim('projector', `instance-${i}`, { now: 1_000, expiresAt: 4_000 }),
            ),
          );
          expect(claims.filter(Boolean)).toHaveLength(1);
          const holder = `instance-${claims.indexOf(true)}`;
          expect(await leases().get('projector')).toMatchObject({ holder });
        } finally {
          await other.close();
        }
      });
    });

    describe('checkpoints', () => {
      it('starts a projection at position 0', async () => {
        expect(await store.getCheckpoint(`proposal-list-${run}`)).toBe(0);
      });

      it('holds the last position set for each projection, a lower one included (a rebuild)', async () => {
        await store.setCheckpoint(`proposal-list-${run}`, 40);
        await store.setCheckpoint(`tally-${run}`, 12);
        await store.setCheckpoint(`proposal-list-${run}`, 0);

        expect(await store.getCheckpoint(`proposal-list-${run}`)).toBe(0);
        expect(await store.getCheckpoint(`tally-${run}`)).toBe(12);
      });
    });

    describe('durability', () => {
      it('a store opened again on the same storage keeps documents, positions, unique keys and checkpoints', async () => {
        await slugged().upsert('p1', proposal('p1', { slug: 'parque' }), { position: 7 });
        await store.setCheckpoint(`proposal-list-${run}`, 7);
        await store.close();

        const reopened = await harness.openAgain();
        try {
          const again = reopened.collection<ProposalView>(proposalsName());
          expect(await again.get('p1')).toEqual(proposal('p1', { slug: 'parque' }));
          expect(await reopened.getCheckpoint(`proposal-list-${run}`)).toBe(7);
          expect(await again.upsert('p1', proposal('p1', { supports: 1 }), { position: 7 })).toBe(false);
          await expectDuplicate(again.upsert('p2', proposal('p2', { slug: 'parque' })), { field: 'slug' });
        } finally {
          await reopened.close();
        }
      });
    });
  });
}

function proposal(id: string, fields: Partial<ProposalView> = {}): ProposalView {
  return { id, title: `Proposal ${id}`, district: 'centro', status: 'feasible', cost: 100, supports: 0, ...fields };
}

/** What the writes leave when each document ends as its last write made it. */
function lastWriteWins(writes: { id: string; kind: string; supports: number }[]): ProposalView[] {
  const documents = new Map<string, ProposalView | undefined>();
  for (const { id, kind, supports } of writes)
    documents.set(id, kind === 'delete' ? undefined : proposal(id, { supports }));
  return [...documents.values()]
    .filter((view): view is ProposalView => view !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function expectDuplicate(
  write: Promise<unknown>,
  expected: { collection?: string; field: string; value?: unknown },
) {
  const error = await write.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DuplicateKeyError);
  expect(error).toMatchObject(expected);
}
