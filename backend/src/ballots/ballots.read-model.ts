import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import {
  BALLOT_CHANNELS,
  BALLOTS,
  ballotDocId,
  noBallots,
  type BallotChannelsDoc,
  type BallotDoc,
} from './ballots.projection';

@Injectable()
export class BallotsReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /** A person's current ballot in an edition (the last one cast), or null when they have not voted. */
  current(editionId: string, voter: string): Promise<BallotDoc | null> {
    return this.store.collection<BallotDoc>(BALLOTS).get(ballotDocId(editionId, voter));
  }

  /** The ballots that count, by channel and by booth. */
  async channels(editionId: string): Promise<BallotChannelsDoc> {
    return (await this.store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).get(editionId)) ?? noBallots(editionId);
  }
}
