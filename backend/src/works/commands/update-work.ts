import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isPublished, type workUpdateRequest } from '@decidimos/contracts';
import { EditionsReadModel } from '../../editions/public-api';
import type { Parsed } from '../../http/validation';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { workDecider } from '../domain/work.decider';
import { workStream } from '../streams';
import { WorksReadModel } from '../works.read-model';

/** An implementer records an update of a work (by the selected proposal's id). */
export class UpdateWork extends Command<void> {
  constructor(
    readonly workId: string,
    readonly update: Parsed<typeof workUpdateRequest>,
    readonly by: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(UpdateWork)
export class UpdateWorkHandler implements ICommandHandler<UpdateWork> {
  constructor(
    private readonly es: EventSourcing,
    private readonly works: WorksReadModel,
    private readonly editions: EditionsReadModel,
  ) {}

  async execute({ workId, update, by, idempotencyKey }: UpdateWork): Promise<void> {
    // A work never changes edition or budget once the tally made it: the read model is as good as the log here.
    const doc = await this.works.get(workId);
    // Works are public, and take updates, once the results are: the tally alone does not announce the winners.
    const published = doc !== null && isPublished((await this.editions.require(doc.editionId)).phase);
    const work = doc && published ? { editionId: doc.editionId, workId: doc.id, awarded: doc.awarded } : null;
    const stream = workStream(doc?.editionId ?? '', workId);
    await this.es.execute(
      stream,
      workDecider,
      { type: 'UpdateWork', work, workId, update, by },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }
}
