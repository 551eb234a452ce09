import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { StoredEvent } from '../shared/event-envelope';
import { REDACTED_TEXT, textCommitment } from '@decidimos/contracts';
import { PROPOSAL_TEXTS, type ProposalTextDoc } from './proposal-texts';
import {
  PROPOSAL_CATEGORIES,
  PROPOSALS,
  type ProposalCategoriesDoc,
  type ProposalDoc,
  proposalsProjection,
} from './proposals.projection';
import { storePerTest } from '../testing/store-per-test';

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

// Commitments of texts the store outside the log does not hold: they read as redacted, which these specs do not mind.
const submitted = (position: number, proposalId: string, category: string | null) =>
  event(position, 'ProposalSubmitted', {
    proposalId,
    texts: { title: 'b'.repeat(64), description: 'c'.repeat(64), location: null },
    district: 'centro',
    estimatedCost: 100_000,
    category,
    author: 'a'.repeat(64),
  });

const log = [
  submitted(1, 'p1', 'parques'),
  submitted(2, 'p2', 'alumbrado'),
  submitted(3, 'p3', null),
  event(4, 'ProposalEdited', { proposalId: 'p1', texts: {}, category: 'alumbrado' }),
  event(5, 'ProposalEdited', { proposalId: 'p3', texts: {}, category: 'agua' }),
];

let store: ReadModelStore;
const counts = async () => (await store.collection<ProposalCategoriesDoc>(PROPOSAL_CATEGORIES).get(editionId))?.counts;

storePerTest('read-models.sqlite', async (file) => (store = await openSqliteReadModelStore(file)));

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

describe('texts outside the log', () => {
  const textOf = async (field: 'title' | 'description', text: string, proposalId = 'p9') => {
    const salt = 'd'.repeat(64);
    const id = textCommitment({ proposalId, field, salt, text });
    await store.collection<ProposalTextDoc>(PROPOSAL_TEXTS).upsert(id, {
      id,
      editionId,
      proposalId,
      field,
      text,
      salt,
      redacted: null,
    });
    return id;
  };

  it('shows the texts, and after a redaction the marker, erasing every version of the field for good', async () => {
    const title = await textOf('title', 'Llamen al 81 5555 1234');
    const description = await textOf('description', 'Un parque para la colonia.');
    const edited = await textOf('title', 'Otra vez: 81 5555 1234');
    const history = [
      event(1, 'ProposalSubmitted', {
        proposalId: 'p9',
        texts: { title, description, location: null },
        district: 'centro',
        estimatedCost: 100_000,
        category: null,
        author: 'a'.repeat(64),
      }),
      event(2, 'ProposalEdited', { proposalId: 'p9', texts: { title: edited } }),
    ];
    for (const e of history) await proposalsProjection.apply(e, store);
    const proposals = store.collection<ProposalDoc>(PROPOSALS);
    expect(await proposals.get('p9')).toMatchObject({ title: 'Otra vez: 81 5555 1234' });

    const redaction = event(3, 'ProposalRedacted', {
      proposalId: 'p9',
      fields: ['title'],
      reason: 'Publica un teléfono',
      by: 'e'.repeat(64),
    });
    await proposalsProjection.apply(redaction, store);
    expect(await proposals.get('p9')).toMatchObject({
      title: REDACTED_TEXT,
      description: 'Un parque para la colonia.',
      moderation: { hidden: null, redactions: [{ fields: ['title'], reason: 'Publica un teléfono' }] },
    });
    const texts = store.collection<ProposalTextDoc>(PROPOSAL_TEXTS);
    for (const id of [title, edited]) {
      expect(await texts.get(id)).toMatchObject({
        text: null,
        salt: null,
        redacted: { reason: 'Publica un teléfono' },
      });
    }

    // A rebuild replays the submission after the erasure: the text is gone, so is it from the read model.
    await proposals.clear();
    for (const e of [...history, redaction]) await proposalsProjection.apply(e, store);
    expect(JSON.stringify(await proposals.get('p9'))).not.toContain('5555');
  });
});
