import { ballotCommitment } from '../ballots/commitment';
import { editionRulesSchema } from '../editions/edition';
import { parseEvent, parsePublicEvent } from './catalog';
import { hourOf, publicEvent } from './public-event';

const salt = 'c3'.repeat(32);
const ballot = {
  editionId: 'pp-2027',
  voter: 'f'.repeat(64),
  district: 'centro',
  commitment: ballotCommitment(salt, ['p-12', 'p-7']),
  channel: 'online' as const,
  booth: null,
  residenceProof: null,
  sealed: { selections: ['p-12', 'p-7'], salt },
};
const recorded = (type: string, data: Record<string, unknown>) => ({
  id: '0b7c6c1e-4d7e-4c55-9a51-2f1c3a1d9e10',
  type,
  streamId: 'ballot-pp-2027-fff',
  revision: 0,
  recordedAt: '2027-05-03T17:42:09.123Z',
  data,
  metadata: { schemaVersion: 2 },
});

describe('the public form of events', () => {
  it('publishes a ballot with its commitment, without its selections or salt, at the hour it was cast', () => {
    const exported = publicEvent(recorded('BallotCast', ballot));
    expect(exported.recordedAt).toBe('2027-05-03T17:00:00.000Z');
    expect(exported.data).toEqual({
      editionId: 'pp-2027',
      voter: ballot.voter,
      district: 'centro',
      commitment: ballot.commitment,
      channel: 'online',
      booth: null,
      residenceProof: null,
    });
    expect(JSON.stringify(exported)).not.toMatch(/p-12|p-7|c3c3/);
  });

  it('publishes every other event as recorded, to the millisecond', () => {
    const data = { editionId: 'pp-2027', voter: ballot.voter, proposalId: 'p-12' };
    const exported = publicEvent({ ...recorded('SupportGiven', data), metadata: { schemaVersion: 1 } });
    expect(exported).toMatchObject({ recordedAt: '2027-05-03T17:42:09.123Z', data });
  });

  it('cuts the time of a support recorded at a booth to the hour, like a ballot', () => {
    const data = { editionId: 'pp-2027', voter: ballot.voter, proposalId: 'p-12', channel: 'assisted', booth: 'm-1' };
    const exported = publicEvent(recorded('SupportGiven', { ...data, residenceProof: null }));
    expect(exported).toMatchObject({ recordedAt: '2027-05-03T17:00:00.000Z', data });
  });

  it('reads a public ballot, and refuses one that still carries its sealed selections', () => {
    const exported = publicEvent(recorded('BallotCast', ballot));
    expect(parsePublicEvent('BallotCast', exported.data, 2).data).toEqual(exported.data);
    expect(() => parsePublicEvent('BallotCast', ballot, 2)).toThrow(/sealed/);
  });
});

describe('supports of version 1', () => {
  it('still read, as given online', () => {
    const data = { editionId: 'pp-2027', voter: ballot.voter, proposalId: 'p-12' };
    expect(parseEvent('SupportGiven', data, 1).data).toEqual({
      ...data,
      channel: 'online',
      booth: null,
      residenceProof: null,
    });
    expect(parsePublicEvent('SupportGiven', data, 1).data).toMatchObject({ channel: 'online', booth: null });
    expect(() => parseEvent('SupportGiven', { ...data, voter: 'x' }, 1)).toThrow(/pseudonym/);
    expect(() => parseEvent('SupportGiven', data, 3)).toThrow(/unsupported schemaVersion 3/);
  });
});

describe('stored ballots', () => {
  it('are read with their sealed selections', () => {
    expect(parseEvent('BallotCast', ballot, 2).data).toEqual(ballot);
  });

  it('are refused when the commitment does not commit to the sealed selections', () => {
    const changed = { ...ballot, sealed: { ...ballot.sealed, selections: ['p-12'] } };
    expect(() => parseEvent('BallotCast', changed, 2)).toThrow(
      'invalid BallotCast event: commitment: does not commit to the sealed selections',
    );
  });

  it('refuses a version 1 ballot (selections in the clear) with a message that says to reset the log', () => {
    const v1 = { editionId: 'pp-2027', voter: ballot.voter, district: 'centro', selections: ['p-12'] };
    expect(() => parseEvent('BallotCast', { ...v1, channel: 'online', officer: null }, 1)).toThrow(
      /schemaVersion 1 is retired: version 1 held the selections in the clear.*reset DATA_DIR of an old demo/,
    );
  });
});

describe('drafted editions', () => {
  const drafted = {
    editionId: 'pp-2027',
    title: 'Presupuesto Participativo 2027',
    description: '',
    districts: [{ id: 'centro', name: 'Centro', budget: 5_000_000 }],
    rules: editionRulesSchema.parse({}),
    calendar: {},
    createdBy: 'a'.repeat(64),
  };

  it('read a version 1 event (before pools) as recorded, without a citywide pool', () => {
    const event = parseEvent('EditionDrafted', drafted, 1);
    expect(event.data).toEqual(drafted);
    expect(publicEvent({ ...recorded('EditionDrafted', drafted), metadata: { schemaVersion: 1 } }).data).toEqual(
      drafted,
    );
  });

  it('read a version 2 event with its citywide pool', () => {
    const pool = { id: 'ciudad', name: 'Toda la ciudad', budget: 12_000_000 };
    expect(parseEvent('EditionDrafted', { ...drafted, citywidePool: pool }, 2).data).toMatchObject({
      citywidePool: pool,
    });
    expect(() => parseEvent('EditionDrafted', drafted, 3)).toThrow(/unsupported schemaVersion 3/);
  });
});

describe('the hour of a timestamp', () => {
  it('is the same whichever ISO form the time was recorded in', () => {
    expect(hourOf('2027-05-03T17:42:09.123Z')).toBe('2027-05-03T17:00:00.000Z');
    expect(hourOf('2027-05-03T17:42:09Z')).toBe('2027-05-03T17:00:00.000Z');
    expect(hourOf('2027-05-03T19:42:09.123+02:00')).toBe('2027-05-03T17:00:00.000Z');
  });
});
