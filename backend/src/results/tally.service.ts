import { Injectable } from '@nestjs/common';
import { tallyEdition } from '@decidimos/contracts';
import { AuditService } from '../audit/audit.service';
import { editionDecider } from '../editions/domain/edition.decider';
import { editionStream } from '../editions/streams';
import { EventSourcing } from '../shared/event-sourcing.service';
import { finalBallots } from './final-ballots';

/** Counts an edition once voting has closed and fixes the result in a TallyComputed event naming the tree head it counted. */
@Injectable()
export class TallyService {
  constructor(
    private readonly es: EventSourcing,
    private readonly audit: AuditService,
  ) {}

  async record(editionId: string): Promise<void> {
    const stream = editionStream(editionId);
    const edition = await this.es.load(stream, editionDecider);
    if (edition.status === 'absent' || edition.tallied || edition.votingClosedAt === null) return;
    const ballots = await finalBallots(this.es.store, editionId, edition.votingClosedAt);
    const districts = tallyEdition(
      { districts: edition.districts, rules: edition.rules, ballot: edition.ballot ?? {} },
      ballots,
    );
    const treeHead = await this.audit.headAtVotingClose(editionId);
    await this.es.execute(stream, editionDecider, {
      type: 'RecordTally',
      ballots: ballots.length,
      districts,
      treeHead,
    });
  }
}
