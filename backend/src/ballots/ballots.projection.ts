import { publicEvent, receiptOf } from '@decidimos/contracts';
import type { Projection } from '../projections/projection';

/** Each person's current ballot in an edition, with its receipt: one document per voter. */
export interface BallotDoc {
  id: string;
  editionId: string;
  voter: string;
  district: string;
  selections: string[];
  channel: 'online' | 'assisted';
  receipt: string;
  ballotId: string;
  leafHash: string;
  castAt: string;
  casts: number;
}

export const BALLOTS = 'ballots';
export const ballotDocId = (editionId: string, voter: string) => `${editionId}:${voter}`;

export const ballotsProjection: Projection = {
  name: 'ballots',
  collections: [BALLOTS],
  async apply(event, store) {
    if (event.type !== 'BallotCast') return;
    const ballots = store.collection<BallotDoc>(BALLOTS);
    const { editionId, voter, district, sealed, channel } = event.data;
    const id = ballotDocId(editionId, voter);
    const previous = await ballots.get(id);
    await ballots.upsert(
      id,
      {
        id,
        editionId,
        voter,
        district,
        // The read model is not public: it answers the resident's own GET /ballot.
        selections: sealed.selections,
        channel,
        ...receiptOf(publicEvent(event)),
        castAt: event.recordedAt,
        casts: (previous?.casts ?? 0) + 1,
      },
      { position: event.position },
    );
  },
};
