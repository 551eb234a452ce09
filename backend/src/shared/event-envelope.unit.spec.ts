import { InvalidEventError, type DomainEvent } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import { handleCommand } from './command-handling';
import { decodeEvent, decodeOwnEvent, toEventData } from './event-envelope';

const pseudonym = 'a'.repeat(64);

// The category is the free text a proposal event still carries (its title and description are commitments).
const proposal = (category: string): DomainEvent => ({
  type: 'ProposalSubmitted',
  data: {
    editionId: 'pp-2027',
    proposalId: 'p-1',
    author: pseudonym,
    texts: { title: 'b'.repeat(64), description: 'c'.repeat(64), location: null },
    district: 'centro',
    estimatedCost: 100_000,
    category,
  },
});

function refusal(event: DomainEvent): InvalidEventError {
  try {
    toEventData(event);
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('appended');
}

describe('the append check', () => {
  it('refuses an event the audit log could not hash, naming the field', () => {
    const error = refusal(proposal('Parque \ud800'));
    expect(error.eventType).toBe('ProposalSubmitted');
    expect(error.issues).toEqual(['category: not representable as canonical JSON (Lone surrogate is not allowed)']);
  });

  it('names a field deep inside the event', () => {
    const error = refusal({
      type: 'EditionDrafted',
      data: {
        editionId: 'pp-2027',
        title: 'Presupuesto 2027',
        description: '',
        districts: [
          { id: 'centro', name: 'Centro', budget: 1_000 },
          { id: 'norte', name: 'Norte \udfff', budget: 1_000 },
        ],
        rules: {
          minAge: 16,
          proposals: { perResident: 3, minCost: 0, maxCost: 1_000 },
          supports: { enabled: true, perResident: 5, threshold: 2 },
          ballot: { method: 'knapsack', maxSelections: null, minSelections: 0, minSpendShare: 0, revoting: true },
          counting: { rule: 'greedy', completion: 'add1', utility: 'cost' },
        },
        calendar: {},
        createdBy: pseudonym,
      },
    });
    expect(error.issues).toEqual([
      'districts.1.name: not representable as canonical JSON (Lone surrogate is not allowed)',
    ]);
  });

  it('lets well-formed text through, astral characters and controls included', () => {
    const data = toEventData(proposal('Parque 😀 \u0007'), 'e-1');
    expect(data).toMatchObject({ id: 'e-1', type: 'ProposalSubmitted', data: { category: 'Parque 😀 \u0007' } });
  });

  it('appends nothing when a command decides such an event', async () => {
    const appended: unknown[] = [];
    const store = {
      readStream: async () => [],
      append: async (...args: unknown[]) => {
        appended.push(args);
        return { nextExpectedRevision: 0, position: 1 };
      },
    } as unknown as EventStore;
    const decider = { initialState: () => null, evolve: () => null, decide: () => [proposal('\udc00')] };

    await expect(handleCommand(store, 'proposal-p-1', decider, {})).rejects.toBeInstanceOf(InvalidEventError);
    expect(appended).toEqual([]);
  });
});

describe('the read check', () => {
  it('refuses a proposal recorded in version 1, which held the author name, saying why', () => {
    const recorded = {
      id: 'e-1',
      type: 'ProposalSubmitted',
      streamId: 'proposals-pp-2027-a',
      revision: 0,
      position: 1,
      data: { ...proposal('Parque').data, authorDisplayName: 'Residente' },
      metadata: { schemaVersion: 1 },
      recordedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(() => decodeEvent(recorded)).toThrow(
      'invalid ProposalSubmitted event: schemaVersion 1 is retired: version 1 put the author display name in the public log; this log predates version 2 and cannot be read (reset DATA_DIR of an old demo)',
    );
  });

  it('refuses a proposal recorded in version 2, which held its texts in the log, saying why', () => {
    const recorded = {
      id: 'e-1',
      type: 'ProposalSubmitted',
      streamId: 'proposals-pp-2027-a',
      revision: 0,
      position: 1,
      data: { title: 'Parque', description: 'Un parque.', location: null },
      metadata: { schemaVersion: 2 },
      recordedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(() => decodeEvent(recorded)).toThrow(
      'invalid ProposalSubmitted event: schemaVersion 2 is retired: version 2 held the title, description and location in the log',
    );
  });

  it('reads the same proposal in version 3, its texts as commitments', () => {
    const recorded = {
      id: 'e-1',
      type: 'ProposalSubmitted',
      streamId: 'proposals-pp-2027-a',
      revision: 0,
      position: 1,
      data: proposal('Parque').data,
      metadata: { schemaVersion: 3 },
      recordedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(decodeEvent(recorded)).toMatchObject({
      type: 'ProposalSubmitted',
      data: { category: 'Parque', texts: { title: 'b'.repeat(64) } },
    });
  });
});

describe('the write path’s read', () => {
  const support = (schemaVersion: number, data: Record<string, unknown>) => ({
    id: 'e-2',
    type: 'SupportGiven',
    streamId: 'supports-pp-2027-a',
    revision: 0,
    position: 2,
    data: { editionId: 'pp-2027', voter: pseudonym, proposalId: 'p-1', ...data },
    metadata: { schemaVersion },
    recordedAt: '2027-01-01T00:00:00.000Z',
  });

  it('takes an event of its current version as it was appended', () => {
    const recorded = support(2, { channel: 'online', booth: null, residenceProof: null });

    expect(decodeOwnEvent(recorded)).toEqual(decodeEvent(recorded));
  });

  it('still brings an older version to the current shape through the catalog', () => {
    expect(decodeOwnEvent(support(1, {}))).toMatchObject({
      type: 'SupportGiven',
      data: { proposalId: 'p-1', channel: 'online', booth: null, residenceProof: null },
    });
  });

  it('still refuses a retired version, and a type the catalog does not know', () => {
    const retired = { ...support(1, {}), type: 'ProposalSubmitted', data: proposal('Parque').data };
    expect(() => decodeOwnEvent(retired)).toThrow('schemaVersion 1 is retired');
    expect(() => decodeOwnEvent({ ...support(1, {}), type: 'BallotStuffed' })).toThrow(InvalidEventError);
  });
});
