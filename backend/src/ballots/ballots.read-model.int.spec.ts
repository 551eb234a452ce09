import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicEvent, receiptOf } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import type { ProjectionRunner } from '../projections/projection-runner';
import { openSqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import { decodeEvent, toEventData } from '../shared/event-envelope';
import { sealedBallot } from '../testing/fixtures';
import { BALLOTS, ballotDocId, ballotsProjection } from './ballots.projection';
import { BallotsReadModel } from './ballots.read-model';

/**
 * The ballots' documents keep where each ballot is in the log, and the resident's own
 * ballot is read from there (issue 13); documents written before then, which held a copy,
 * are read as they are until the projection is rebuilt.
 */
let dir: string;
let events: EventStore;
let store: ReadModelStore;
let ballots: BallotsReadModel;
const voter = 'a'.repeat(64);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-ballots-'));
  events = await openSqliteEventStore(join(dir, 'events.sqlite'));
  store = await openSqliteReadModelStore(join(dir, 'read-models.sqlite'));
  // The documents are written by hand below, so there are no projections to wait for.
  const noProjections = { waitFor: () => Promise.resolve() } as Pick<ProjectionRunner, 'waitFor'>;
  ballots = new BallotsReadModel(store, events, noProjections as ProjectionRunner);
});
afterEach(async () => {
  await events.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cast(selections: string[], channel: 'online' | 'assisted', booth: string | null, revision: number) {
  const data = { editionId: 'pp-2027', voter, district: 'centro', channel, booth, residenceProof: null };
  const expected = revision === 0 ? 'no_stream' : revision - 1;
  const { position } = await events.append(
    `ballot-pp-2027-${voter}`,
    [toEventData({ type: 'BallotCast', data: { ...data, ...sealedBallot(selections) } } as never)],
    expected,
  );
  const [recorded] = await events.readPositions([position]);
  const event = decodeEvent(recorded!);
  await ballotsProjection.apply(event, store);
  await ballotsProjection.flush!(store);
  return event;
}

it("answers a resident's current ballot from the log, with the receipt and the ballot it replaced", async () => {
  await cast(['p1'], 'online', null, 0);
  const revote = await cast(['p2', 'p3'], 'assisted', 'booth-1', 1);
  expect(await ballots.current('pp-2027', voter)).toEqual({
    district: 'centro',
    selections: ['p2', 'p3'],
    channel: 'assisted',
    booth: 'booth-1',
    castAt: revote.recordedAt,
    replaced: { channel: 'online', booth: null },
    ...receiptOf(publicEvent(revote)),
  });
  expect(await ballots.hasVoted('pp-2027', voter)).toBe(true);
  expect(await ballots.hasVoted('pp-2027', 'b'.repeat(64))).toBe(false);
  expect(await ballots.current('pp-2027', 'b'.repeat(64))).toBeNull();
});

it('reads a document written with a copy of the ballot as it is', async () => {
  const written = {
    id: ballotDocId('pp-2027', voter),
    editionId: 'pp-2027',
    voter,
    district: 'centro',
    selections: ['p1'],
    channel: 'online',
    booth: null,
    receipt: `00000000-0000-4000-8000-000000000001.${'c'.repeat(64)}`,
    ballotId: '00000000-0000-4000-8000-000000000001',
    leafHash: 'c'.repeat(64),
    castAt: '2027-03-01T10:00:00.000Z',
    casts: 1,
    replaced: null,
  };
  await store.collection(BALLOTS).upsert(written.id, written);
  expect(await ballots.current('pp-2027', voter)).toMatchObject({
    selections: ['p1'],
    district: 'centro',
    channel: 'online',
    booth: null,
    castAt: '2027-03-01T10:00:00.000Z',
    replaced: null,
    receipt: written.receipt,
    ballotId: written.ballotId,
    leafHash: written.leafHash,
  });
  // A revote on top of it counts the earlier ballot's channel as replaced.
  const revote = await cast(['p2'], 'online', null, 0);
  expect(await ballots.current('pp-2027', voter)).toMatchObject({
    ballotId: revote.id,
    replaced: { channel: 'online', booth: null },
  });
});

it('answers a revote recorded and projected while it waited for the projections', async () => {
  await cast(['p1'], 'online', null, 0);
  let revote: Awaited<ReturnType<typeof cast>> | undefined;
  // The resident casts again from another tab while this read waits for the projections.
  const racing = {
    waitFor: async () => {
      revote ??= await cast(['p2'], 'online', null, 1);
    },
  } as Pick<ProjectionRunner, 'waitFor'>;
  const reading = new BallotsReadModel(store, events, racing as ProjectionRunner);

  expect(await reading.current('pp-2027', voter)).toMatchObject({ selections: ['p2'], ballotId: revote!.id });
});
