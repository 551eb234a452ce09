import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { StoredEvent } from '../shared/event-envelope';
import {
  PROPOSAL_CATEGORIES,
  PROPOSALS,
  type ProposalCategoriesDoc,
  proposalsProjection,
} from './proposals.projection';

const editionId = 'pp-centro';

function event(position: number, type: string, data: Record<string, unknown>): StoredEvent {
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    position,
    type,
    data: { editionId, ...data },
    metadata: { schemaVersion: 1 },
    streamId: `proposal-${String(data['proposalId'])}`,
    revision: 0,
    recordedAt: new Date(Date.UTC(2027, 2, 1, 0, 0, position)).toISOString(),
  } as StoredEvent;
}

const submitted = (position: number, proposalId: string, category: string | null) =>
  event(position, 'ProposalSubmitted', {
    proposalId,
    title: `Propuesta ${proposalId}`,
    description: 'Una propuesta para el centro.',
    district: 'centro',
    estimatedCost: 100_000,
    category,
    location: null,
    author: 'a'.repeat(64),
  });

const log = [
  submitted(1, 'p1', 'parques'),
  submitted(2, 'p2', 'alumbrado'),
  submitted(3, 'p3', null),
  event(4, 'ProposalEdited', { proposalId: 'p1', category: 'alumbrado' }),
  event(5, 'ProposalEdited', { proposalId: 'p3', category: 'agua' }),
];

let dir: string;
let store: ReadModelStore;
const counts = async () => (await store.collection<ProposalCategoriesDoc>(PROPOSAL_CATEGORIES).get(editionId))?.counts;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-proposals-'));
  store = await openSqliteReadModelStore(join(dir, 'read-models.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the per-edition category counts', () => {
  it('follow submissions and edits, dropping a category no proposal carries', async () => {
    for (const e of log) await proposalsProjection.apply(e, store);
    expect(await counts()).toEqual(
      expect.arrayContaining([
        { category: 'alumbrado', proposals: 2 },
        { category: 'agua', proposals: 1 },
      ]),
    );
    expect(await counts()).toHaveLength(2);
  });

  it('stay the same when events already applied are replayed', async () => {
    for (const e of log) await proposalsProjection.apply(e, store);
    const before = await counts();
    for (const e of log) await proposalsProjection.apply(e, store);
    expect(await counts()).toEqual(before);
  });

  it.each([PROPOSALS, PROPOSAL_CATEGORIES])(
    'stay right when an edit is replayed after its %s write crashed',
    async (failing) => {
      for (const e of log.slice(0, 3)) await proposalsProjection.apply(e, store);
      // One collection fails its write, as if the process died there; the other write may have happened.
      const crashing = Object.create(store) as ReadModelStore;
      crashing.collection = <T extends object>(name: string) => {
        const collection = store.collection<T>(name);
        if (name !== failing) return collection;
        const broken = Object.create(collection) as typeof collection;
        broken.upsert = () => Promise.reject(new Error('crash'));
        return broken;
      };
      await expect(proposalsProjection.apply(log[3]!, crashing)).rejects.toThrow('crash');
      for (const e of log.slice(3)) await proposalsProjection.apply(e, store);
      expect(await store.collection<{ category: string }>(PROPOSALS).get('p1')).toMatchObject({
        category: 'alumbrado',
      });
      expect(await counts()).toEqual(
        expect.arrayContaining([
          { category: 'alumbrado', proposals: 2 },
          { category: 'agua', proposals: 1 },
        ]),
      );
      expect(await counts()).toHaveLength(2);
    },
  );
});
