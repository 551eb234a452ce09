import { Command, CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Phase } from '@decidimos/contracts';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider } from '../domain/edition.decider';
import { EditionLoader } from '../edition-loader';
import { BallotCandidates } from '../queries/ballot-candidates';
import { editionStream } from '../streams';
import { CountVotes } from './count-votes';

/** `advanced` is false when a phase change the calendar asked for (`dueAt`) was no longer due. */
export class AdvancePhase extends Command<{ phase: Phase; position: number; advanced: boolean }> {
  constructor(
    readonly editionId: string,
    readonly to: Phase,
    readonly by: string,
    /** When the calendar asks (PhaseClock): the time it asks at. */
    readonly dueAt?: Date,
  ) {
    super();
  }
}

@CommandHandler(AdvancePhase)
export class AdvancePhaseHandler implements ICommandHandler<AdvancePhase> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ editionId, to, by, dueAt }: AdvancePhase) {
    const edition = await this.editions.load(editionId);
    // The proposals that reach each district's ballot are fixed in the event that opens
    // voting, so auditors can check it against assessments and supports.
    const ballot = to === 'voting' ? await this.queries.execute(new BallotCandidates(edition)) : undefined;
    // A crash between closing voting and counting leaves the tally missing: count before publishing.
    if (to === 'results') await this.commands.execute(new CountVotes(editionId));
    const result = await this.es.execute(editionStream(editionId), editionDecider, {
      type: 'AdvancePhase',
      to,
      by,
      ...(ballot ? { ballot } : {}),
      ...(dueAt ? { dueAt } : {}),
    });
    const advanced = result.events.length > 0;
    if (to === 'counting' && advanced) await this.commands.execute(new CountVotes(editionId));
    return { phase: to, position: result.position, advanced };
  }
}
