import { Inject, Injectable } from '@nestjs/common';
import { publicEvent, receiptOf } from '@decidimos/contracts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { decodeEvent } from '../shared/event-envelope';
import {
  BALLOT_CHANNELS,
  BALLOTS,
  ballotDocId,
  noBallots,
  type BallotChannelsDoc,
  type BallotDoc,
  type BallotDocWithCopy,
} from './ballots.projection';
import { ballotStream } from './streams';

/** A person's current ballot as they are shown it, with its receipt. */
export interface CurrentBallot {
  district: string;
  selections: string[];
  channel: 'online' | 'assisted';
  booth: string | null;
  castAt: string;
  replaced: { channel: 'online' | 'assisted'; booth: string | null } | null;
  receipt: string;
  ballotId: string;
  leafHash: string;
}

@Injectable()
export class BallotsReadModel {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  /**
   * A person's current ballot in an edition (the last one cast), or null when they have not
   * voted: the document says where in the person's ballot stream it is, and the rest is read
   * from there. A cast answers before the projections take it in, so this first waits until
   * they have seen the stream's last event: whoever asks reads their own ballot.
   */
  async current(editionId: string, voter: string): Promise<CurrentBallot | null> {
    const stream = await this.events.readStream(ballotStream(editionId, voter));
    const last = stream[stream.length - 1];
    if (last) await this.projections.waitFor(last.position);
    const doc = await this.doc(editionId, voter);
    if (!doc || !('position' in doc)) return doc;
    const recorded =
      stream.find((event) => event.position === doc.position) ??
      // A revote recorded and projected since the stream was read: the document is newer than that read.
      (await this.events.readStream(ballotStream(editionId, voter), { after: last?.revision ?? -1 })).find(
        (event) => event.position === doc.position,
      );
    const event = recorded && decodeEvent(recorded);
    if (event?.type !== 'BallotCast')
      throw new Error(`ballot of ${editionId} at log position ${doc.position} is not in the log`);
    const { district, sealed, channel, booth } = event.data;
    return {
      district,
      // The read model is not public: it answers the resident's own GET /ballot.
      selections: sealed.selections,
      channel,
      booth,
      castAt: event.recordedAt,
      replaced: doc.replaced ?? null,
      ...receiptOf(publicEvent(event)),
    };
  }

  /** Whether a person has cast a ballot in an edition, without reading the log. */
  async hasVoted(editionId: string, voter: string): Promise<boolean> {
    return (await this.doc(editionId, voter)) !== null;
  }

  /** The ballots that count, by channel and by booth. */
  async channels(editionId: string): Promise<BallotChannelsDoc> {
    return (await this.store.collection<BallotChannelsDoc>(BALLOT_CHANNELS).get(editionId)) ?? noBallots(editionId);
  }

  private doc(editionId: string, voter: string): Promise<BallotDoc | BallotDocWithCopy | null> {
    return this.store.collection<BallotDoc | BallotDocWithCopy>(BALLOTS).get(ballotDocId(editionId, voter));
  }
}
