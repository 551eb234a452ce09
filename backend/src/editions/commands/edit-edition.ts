import { Command, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { editEditionRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { Clock } from '../../shared/clock';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider } from '../domain/edition.decider';
import { EditionLoader } from '../edition-loader';
import { DistrictsWithProposals } from '../queries/districts-with-proposals';
import { editionStream } from '../streams';

/** PATCH /api/processes/:id: change what the edition's phase still allows (EditionEdited, EditionCalendarSet). */
export class EditEdition extends Command<void> {
  constructor(
    readonly editionId: string,
    readonly changes: z.infer<typeof editEditionRequest>,
    readonly by: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(EditEdition)
export class EditEditionHandler implements ICommandHandler<EditEdition> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ editionId, changes, by, idempotencyKey }: EditEdition): Promise<void> {
    const edition = await this.editions.load(editionId);
    const named = [...edition.districts.map((d) => d.id), ...(edition.citywidePool ? [edition.citywidePool.id] : [])];
    const districtsWithProposals =
      changes.districts || changes.citywidePool !== undefined
        ? await this.queries.execute(new DistrictsWithProposals(editionId, named))
        : [];
    const { title, description, districts, citywidePool, rules, calendar } = changes;
    await this.es.execute(
      editionStream(editionId),
      editionDecider,
      {
        type: 'EditEdition',
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(districts ? { districts } : {}),
        ...(citywidePool !== undefined ? { citywidePool } : {}),
        ...(rules ? { rules } : {}),
        ...(calendar ? { calendar } : {}),
        districtsWithProposals,
        at: this.clock.now(),
        by,
      },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }
}
