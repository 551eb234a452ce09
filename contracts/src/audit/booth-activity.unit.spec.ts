import { DEFAULT_BOOTH_HOURLY_LIMIT, boothActivity } from './booth-activity';

const ballot = (recordedAt: string, channel: 'online' | 'assisted', booth: string | null) => ({
  type: 'BallotCast',
  recordedAt,
  data: { channel, booth },
});

const support = (recordedAt: string, channel: 'online' | 'assisted', booth: string | null) => ({
  type: 'SupportGiven',
  recordedAt,
  data: { channel, booth },
});

describe('assisted ballots and supports per booth and hour', () => {
  it('counts assisted ballots per booth and hour, ignoring online ballots and other events', () => {
    const rows = boothActivity([
      ballot('2027-05-10T14:00:00.000Z', 'assisted', 'mesa-b'),
      ballot('2027-05-10T09:59:59.999Z', 'assisted', 'mesa-a'),
      ballot('2027-05-10T09:00:00.000Z', 'assisted', 'mesa-a'),
      ballot('2027-05-10T10:00:00.000Z', 'assisted', 'mesa-a'),
      ballot('2027-05-10T09:30:00.000Z', 'online', null),
      { type: 'BoothDefined', recordedAt: '2027-05-10T09:00:00.000Z', data: { booth: 'mesa-a' } },
    ]);
    expect(rows).toEqual([
      { booth: 'mesa-a', hour: '2027-05-10T09:00:00.000Z', ballots: 2, supports: 0, flagged: false },
      { booth: 'mesa-a', hour: '2027-05-10T10:00:00.000Z', ballots: 1, supports: 0, flagged: false },
      { booth: 'mesa-b', hour: '2027-05-10T14:00:00.000Z', ballots: 1, supports: 0, flagged: false },
    ]);
  });

  it('flags a booth-hour above the limit, and only above it', () => {
    const hour = (n: number, at: string) => Array.from({ length: n }, () => ballot(at, 'assisted', 'mesa-a'));
    const rows = boothActivity([
      ...hour(DEFAULT_BOOTH_HOURLY_LIMIT, '2027-05-10T09:00:00.000Z'),
      ...hour(DEFAULT_BOOTH_HOURLY_LIMIT + 1, '2027-05-10T10:00:00.000Z'),
    ]);
    expect(rows.map((r) => [r.ballots, r.flagged])).toEqual([
      [60, false],
      [61, true],
    ]);
    expect(boothActivity(hour(3, '2027-05-10T09:00:00.000Z'), 2)[0]).toMatchObject({ ballots: 3, flagged: true });
  });

  it('counts assisted supports beside the ballots, and flags an hour with too many of them', () => {
    const rows = boothActivity(
      [
        support('2027-04-10T09:10:00.000Z', 'assisted', 'mesa-a'),
        support('2027-04-10T09:20:00.000Z', 'assisted', 'mesa-a'),
        support('2027-04-10T09:30:00.000Z', 'assisted', 'mesa-a'),
        support('2027-04-10T09:40:00.000Z', 'online', null),
        ballot('2027-05-10T09:00:00.000Z', 'assisted', 'mesa-a'),
      ],
      2,
    );
    expect(rows).toEqual([
      { booth: 'mesa-a', hour: '2027-04-10T09:00:00.000Z', ballots: 0, supports: 3, flagged: true },
      { booth: 'mesa-a', hour: '2027-05-10T09:00:00.000Z', ballots: 1, supports: 0, flagged: false },
    ]);
  });
});
