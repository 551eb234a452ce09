import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DistrictTally, TreeHeadRef } from '@decidimos/contracts';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider } from '../domain/edition.decider';
import { editionStream } from '../streams';

/** Fix an edition's result in its stream (TallyComputed), naming the signed tree head it counted. */
export class RecordTally extends Command<void> {
  constructor(
    readonly editionId: string,
    readonly ballots: number,
    readonly districts: DistrictTally[],
    readonly treeHead: TreeHeadRef,
  ) {
    super();
  }
}

@CommandHandler(RecordTally)
export class RecordTallyHandler implements ICommandHandler<RecordTally> {
  constructor(private readonly es: EventSourcing) {}

  async execute({ editionId, ballots, districts, treeHead }: RecordTally): Promise<void> {
    await this.es.execute(editionStream(editionId), editionDecider, {
      type: 'RecordTally',
      ballots,
      districts,
      treeHead,
    });
  }
}
