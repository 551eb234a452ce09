import type { Collection, ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { StoredEvent } from '../shared/event-envelope';
import { sealedBallot } from '../testing/fixtures';
import {
  BALLOTS,
  BALLOT_CHANNELS,
  type BallotChannelsDoc,
  type BallotDoc,
  ballotDocId,
  ballotsProjection,
} from './ballots.projection';
import { storePerTest } from '../testing/store-per-test';

/**
 * The counts by channel are kept in memory over a commit's events and written at its end
 * with the ballots, counts first (issue 13): replaying events after a crash between those
 * writes, or over counts written before they carried a position, counts each ballot once.
 */
let store: ReadModelStore;

const readModelsFile = storePerTest(
  'read-models.sqlite',
  async (file) => (store = await openSqliteReadModelStore(file)),
);

const edition = 'pp-2027';

function ballot(position: number, voter: string, channel: 'online' | 'assisted', booth: string | null = null) {
  return {
    id: `event-${position}`,
    type: 'BallotCast',
    streamId: `ballot-${edition}-${voter}`,
    revision: 0,
    position,
    recordedAt: '2027-06-01T18:00:00.000Z',
    metadata: {},
    data: {
      editionId: edition,
      voter,
      district: 'centro',
      channel,
      booth,
      residenceProof: null,
      ...sealedBallot(['p1']),
    },
  } as unknown as StoredEvent;
}

const closing = (position: number) =>
  ({
    id: `event-${position}`,
    type: 'EditionPhaseAdvanced',
    streamId: `edition-${edition}`,
    revision: 5,
    position,
    recordedAt: '2027-06-02T00:00:00.000Z',
    metadata: {},
    data: { editionId: edition, from: 'voting', to: 'tallying' },
  }) as unknown as StoredEvent;

/** One commit: every event applied, then the projection's end-of-commit writes. */
async function commit(events: StoredEvent[]) {
  for (const event of events) await ballotsProjection.apply(event, store);
  await ballotsProjection.flush!(store);
}

const counts = async () => {
  const doc = await store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).get(edition);
  return doc && { online: doc.online, assisted: doc.assisted, booths: doc.booths, closed: doc.closed };
};
const ballotOf = (voter: string) => store.collection<BallotDoc>(BALLOTS).get(ballotDocId(edition, voter));

const events = [
  ballot(1, 'ana', 'online'),
  ballot(2, 'beto', 'assisted', 'booth-1'),
  // Ana votes again at a booth, in the same commit: her online ballot no longer counts.
  ballot(3, 'ana', 'assisted', 'booth-1'),
  ballot(4, 'carla', 'online'),
];
const expected = { online: 1, assisted: 2, booths: { 'booth-1': 2 }, closed: false };

it("counts each voter's last ballot, writing the counts once per commit", async () => {
  // The store as the projection sees it, counting the writes to each collection.
  const writes = new Map<string, number>();
  const counting = {
    collection: (name: string) => {
      const collection = store.collection(name);
      return {
        get: (id: string) => collection.get(id),
        upsert: (...args: Parameters<Collection<object>['upsert']>) => {
          writes.set(name, (writes.get(name) ?? 0) + 1);
          return collection.upsert(...args);
        },
      };
    },
  } as unknown as ReadModelStore;
  for (const event of events) await ballotsProjection.apply(event, counting);
  await ballotsProjection.flush!(counting);
  expect(Object.fromEntries(writes)).toEqual({ [BALLOT_CHANNELS]: 1, [BALLOTS]: 3 });
  expect(await counts()).toEqual(expected);
  expect(await ballotOf('ana')).toEqual({
    channel: 'assisted',
    booth: 'booth-1',
    position: 3,
    replaced: { channel: 'online', booth: null },
  });
});

it('counts each ballot once when a commit is replayed after its counts were written and its ballots were not', async () => {
  await commit(events.slice(0, 2));
  // The crash: the next commit's counts reached the store (they are written first), its ballots did not.
  await store
    .collection<BallotChannelsDoc>(BALLOT_CHANNELS)
    .upsert(edition, { id: edition, ...expected, position: 4 }, { position: 4 });
  // A new process, with nothing kept in memory, replays those events and goes on with a new one.
  const restarted = await openSqliteReadModelStore(readModelsFile());
  try {
    for (const event of [...events.slice(2), ballot(5, 'dora', 'online')])
      await ballotsProjection.apply(event, restarted);
    await ballotsProjection.flush!(restarted);
  } finally {
    await restarted.close();
  }
  expect(await counts()).toEqual({ ...expected, online: 2 });
  expect(await ballotOf('ana')).toEqual({
    channel: 'assisted',
    booth: 'booth-1',
    position: 3,
    replaced: { channel: 'online', booth: null },
  });
  expect((await ballotOf('carla'))?.position).toBe(4);
});

it('counts each ballot once over counts written before they carried a position', async () => {
  await commit(events.slice(0, 2));
  // As the projection wrote them before, counts then ballot at each event, and a crash
  // between the two at Ana's second ballot: the counts hold it (their position only in the
  // store), her ballot document does not.
  const legacy = { id: edition, online: 0, assisted: 2, booths: { 'booth-1': 2 }, closed: false };
  await store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).upsert(edition, legacy, { position: 3 });
  await commit(events.slice(2));
  expect(await counts()).toEqual(expected);
  expect((await ballotOf('ana'))?.position).toBe(3);
  const stored = await store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).get(edition);
  expect(stored?.position).toBe(4);
});

it('stops counting once voting has closed, in the same commit as the ballots before', async () => {
  await commit([...events, closing(5), ballot(6, 'dora', 'online')]);
  expect(await counts()).toEqual({ ...expected, closed: true });
  // The late ballot is in the log, and its resident is told so, but it does not count.
  expect((await ballotOf('dora'))?.position).toBe(6);
});
