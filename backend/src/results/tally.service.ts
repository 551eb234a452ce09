import { Injectable } from '@nestjs/common';
import { tallyEdition } from '@decidimos/contracts';
import { editionDecider } from '../processes/domain/edition.decider';
import { editionStream } from '../processes/streams';
import { EventSourcing } from '../shared/event-sourcing.service';
import { finalBallots } from './final-ballots';

/** Counts an edition once voting has closed and fixes the result in a TallyComputed event. */
@Injectable()
export class TallyService {
  constructor(private readonly es: EventSourcing) {}

  async record(editionId: string): Promise<void> {
    const stream = editionStream(editionId);
    const edition = await this.es.load(stream, editionDecider);
    if (edition.status === 'absent' || edition.tallied || edition.votingClosedAt === null) return;
    const ballots = await finalBallots(this.es.store, editionId, edition.votingClosedAt);
    const districts = tallyEdition(
      { districts: edition.districts, rules: edition.rules, ballot: edition.ballot ?? {} },
      ballots,
    );
    await this.es.execute(stream, editionDecider, { type: 'RecordTally', ballots: ballots.length, districts });
  }
}
