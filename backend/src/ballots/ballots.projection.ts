import type { Projection } from '../projections/projection';

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
});

function counted(doc: BallotChannelsDoc, ballot: { channel: Channel; booth?: string | null }, by: 1 | -1) {
  doc[ballot.channel] += by;
  if (ballot.booth) doc.booths[ballot.booth] = (doc.booths[ballot.booth] ?? 0) + by;
}

export const ballotsProjection: Projection = {
  name: 'ballots',
  collections: [BALLOTS, BALLOT_CHANNELS],
  async apply(event, store) {
    const channels = store.collection<BallotChannelsDoc>(BALLOT_CHANNELS);
    if (event.type === 'EditionPhaseAdvanced' && event.data.from === 'voting') {
      const doc = (await channels.get(event.data.editionId)) ?? noBallots(event.data.editionId);
      await channels.upsert(doc.id, { ...doc, closed: true }, { position: event.position });
      return;
    }
    if (event.type !== 'BallotCast') return;
    const ballots = store.collection<BallotDoc>(BALLOTS);
    const { editionId, voter, channel, booth } = event.data;
    const id = ballotDocId(editionId, voter);
    const previous = await ballots.get(id);
    // The counts first: replayed after a crash between the two writes, `previous` is still the earlier ballot.
    const counts = (await channels.get(editionId)) ?? noBallots(editionId);
    if (!counts.closed) {
      if (previous) counted(counts, previous, -1);
      counted(counts, { channel, booth }, 1);
      await channels.upsert(editionId, counts, { position: event.position });
    }
    await ballots.upsert(
      id,
      {
        channel,
        ...(booth === null ? {} : { booth }),
        position: event.position,
        ...(previous ? { replaced: { channel: previous.channel, booth: previous.booth ?? null } } : {}),
      },
      { position: event.position },
    );
  },
};
