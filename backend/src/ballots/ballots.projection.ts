import { projectionOf } from '../projections/projection';
import type { ReadModelStore } from '../read-models/read-model.port';

type Channel = 'online' | 'assisted';

/**
 * Each person's current ballot in an edition: one document per voter, found by
 * ballotDocId (which holds the edition and the voter). Everything else the resident is
 * shown (selections, district, time, receipt) is in the BallotCast event at `position`,
 * which BallotsReadModel reads from the log: a copy here was most of the read models'
 * bytes on a log of ballots (issue 13). The channel and booth stay, because the counts by
 * channel take a replaced ballot off without reading the log.
 */
export interface BallotDoc {
  channel: Channel;
  /** The booth of an assisted ballot; absent online. */
  booth?: string;
  /** Log position of the BallotCast event. */
  position: number;
  /** The ballot this one replaced, so the resident hears that (say) an assisted ballot replaced their online one. */
  replaced?: { channel: Channel; booth: string | null };
}

/**
 * A document written before the ballot's event was read from the log: it holds the
 * answer itself (and no position). Read as it is until the projection is rebuilt.
 */
export interface BallotDocWithCopy {
  district: string;
  selections: string[];
  channel: Channel;
  booth: string | null;
  receipt: string;
  ballotId: string;
  leafHash: string;
  castAt: string;
  replaced: { channel: Channel; booth: string | null } | null;
}

/**
 * Per edition, the ballots that count by channel and, for assisted ones, by booth: each
 * voter's last ballot until voting closes, as the tally counts them.
 */
export interface BallotChannelsDoc {
  id: string;
  online: number;
  assisted: number;
  booths: Record<string, number>;
  /** Voting has closed: later ballots are in the log but do not count. */
  closed: boolean;
  /**
   * Log position of the last event counted; absent in documents written before the counts
   * were kept in memory over a commit.
   */
  position?: number;
}

export const BALLOTS = 'ballots';
export const BALLOT_CHANNELS = 'ballot-channels';
export const ballotDocId = (editionId: string, voter: string) => `${editionId}:${voter}`;
export const noBallots = (editionId: string): BallotChannelsDoc => ({
  id: editionId,
  online: 0,
  assisted: 0,
  booths: {},
  closed: false,
  position: 0,
});

function counted(doc: BallotChannelsDoc, ballot: { channel: Channel; booth?: string | null }, by: 1 | -1) {
  doc[ballot.channel] += by;
  if (ballot.booth) doc.booths[ballot.booth] = (doc.booths[ballot.booth] ?? 0) + by;
}

/**
 * What the events of the commit under way changed, per store (a runner's view: a rebuild's
 * generation is another): each edition's counts and the ballots cast, written once at the
 * commit's end (flush) rather than at every event, which read and wrote the same counts
 * document for every ballot.
 */
interface OpenCommit {
  counts: Map<string, BallotChannelsDoc>;
  ballots: Map<string, BallotDoc>;
}

const openCommits = new WeakMap<ReadModelStore, OpenCommit>();

function openCommitOf(store: ReadModelStore): OpenCommit {
  let open = openCommits.get(store);
  if (!open) openCommits.set(store, (open = { counts: new Map(), ballots: new Map() }));
  return open;
}

/**
 * The edition's counts as the commit left them so far, or as stored. Counts stored before
 * they carried a position are moved on by `count` as before: written at once, the store
 * ignoring an event it has counted.
 */
async function countsOf(store: ReadModelStore, open: OpenCommit, editionId: string): Promise<BallotChannelsDoc> {
  const kept = open.counts.get(editionId);
  if (kept) return kept;
  const stored = await store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).get(editionId);
  return stored ?? noBallots(editionId);
}

/**
 * Keeps `counts` (a copy already moved on by the event at `position`) for the commit's end;
 * counts stored without a position are written at once instead, when the store has not
 * counted that event yet, and carry one from then on.
 */
async function count(
  store: ReadModelStore,
  open: OpenCommit,
  counts: BallotChannelsDoc,
  position: number,
  legacy: boolean,
): Promise<void> {
  const moved = { ...counts, position };
  if (!legacy) return void open.counts.set(counts.id, moved);
  await store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).upsert(moved.id, moved, { position });
}

export const ballotsProjection = projectionOf({
  name: 'ballots',
  collections: [BALLOTS, BALLOT_CHANNELS],
  eventTypes: ['BallotCast', 'EditionPhaseAdvanced'],
  async apply(event, store) {
    const open = openCommitOf(store);
    if (event.type === 'EditionPhaseAdvanced' && event.data.from === 'voting') {
      const counts = await countsOf(store, open, event.data.editionId);
      if ((counts.position ?? -1) >= event.position) return;
      await count(store, open, { ...counts, closed: true }, event.position, counts.position === undefined);
      return;
    }
    if (event.type !== 'BallotCast') return;
    const { editionId, voter, channel, booth } = event.data;
    const id = ballotDocId(editionId, voter);
    const previous = open.ballots.get(id) ?? (await store.collection<BallotDoc>(BALLOTS).get(id));
    const counts = await countsOf(store, open, editionId);
    // Counted already (a replay after a crash between the commit's writes, counts first): only the ballot is written again.
    const alreadyCounted = (counts.position ?? -1) >= event.position;
    if (!counts.closed && !alreadyCounted) {
      const moved = { ...counts, booths: { ...counts.booths } };
      if (previous) counted(moved, previous, -1);
      counted(moved, { channel, booth }, 1);
      await count(store, open, moved, event.position, counts.position === undefined);
    }
    open.ballots.set(id, {
      channel,
      ...(booth === null ? {} : { booth }),
      position: event.position,
      ...(previous ? { replaced: { channel: previous.channel, booth: previous.booth ?? null } } : {}),
    });
  },
  /** The counts first: replayed after a crash between the writes, the ballots find their events counted. */
  async flush(store) {
    const open = openCommits.get(store);
    if (!open) return;
    // Whatever happens to the writes, the next commit starts from the stored documents.
    openCommits.delete(store);
    const channels = store.collection<BallotChannelsDoc>(BALLOT_CHANNELS);
    for (const counts of open.counts.values()) await channels.upsert(counts.id, counts, { position: counts.position });
    const ballots = store.collection<BallotDoc>(BALLOTS);
    for (const [id, ballot] of open.ballots) await ballots.upsert(id, ballot, { position: ballot.position });
  },
});
