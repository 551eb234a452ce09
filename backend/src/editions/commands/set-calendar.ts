import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { calendarRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { Clock } from '../../shared/clock';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider } from '../domain/edition.decider';
import { EditionLoader } from '../edition-loader';
import { editionStream } from '../streams';

/** PUT /api/processes/:id/calendar: the edition's calendar as a whole (EditionCalendarSet). */
export class SetCalendar extends Command<void> {
  constructor(
    readonly editionId: string,
    readonly calendar: z.infer<typeof calendarRequest>,
    readonly by: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(SetCalendar)
export class SetCalendarHandler implements ICommandHandler<SetCalendar> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    private readonly clock: Clock,
  ) {}

  async execute({ editionId, calendar, by, idempotencyKey }: SetCalendar): Promise<void> {
    await this.editions.load(editionId);
    await this.es.execute(
      editionStream(editionId),
      editionDecider,
      { type: 'SetCalendar', phases: calendar.phases, reason: calendar.reason, at: this.clock.now(), by },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }
}
