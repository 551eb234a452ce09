import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { nextPhase, PHASES, phaseIsDue, THE_CALENDAR } from '@decidimos/contracts';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { AdvancePhase } from './commands/advance-phase';
import { EditionsReadModel } from './editions.read-model';

/** How often the calendar is looked at: a phase moves on within this much of its end. */
const TICK_MS = 10_000;

/**
 * Moves editions on when their calendar says a phase is over. Every replica runs one: the
 * read model only says which editions to look at; whether the phase is due is decided on
 * the edition's stream (AdvancePhase with `dueAt`), appended with the revision read, so two
 * replicas asking at once record one EditionPhaseAdvanced and the other records nothing.
 */
@Injectable()
export class PhaseClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PhaseClock');
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly editions: EditionsReadModel,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.advanceDue().catch((error: unknown) =>
        this.logger.error(`advancing phases by the calendar: ${String(error)}`),
      );
    }, TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Advances every edition whose calendar says its phase is over by now; resolves to how many phase changes this replica recorded. */
  advanceDue(): Promise<number> {
    this.running ??= this.advanceAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async advanceAll(): Promise<number> {
    let advanced = 0;
    for (const edition of await this.editions.list()) {
      // A calendar whose windows have all passed (the service was down) moves the edition phase by phase.
      for (let step = 0; step < PHASES.length; step++) {
        const doc = await this.editions.require(edition.id);
        const now = this.clock.now();
        const next = nextPhase(doc.phase, doc.rules);
        if (next === null || !phaseIsDue(doc.phase, doc.calendar, doc.rules, now)) break;
        if (!(await this.advance(doc.id, next, now))) break;
        advanced++;
      }
    }
    return advanced;
  }

  private async advance(editionId: string, to: (typeof PHASES)[number], now: Date): Promise<boolean> {
    try {
      const result = await this.commands.execute(new AdvancePhase(editionId, to, THE_CALENDAR, now));
      if (result.advanced) this.logger.log(`calendar moved edition ${editionId} to ${to}`);
      return result.advanced;
    } catch (error) {
      // An admin advanced it at the same moment: the stream says where it is now.
      if (error instanceof DomainError && error.code === 'INVALID_PHASE_TRANSITION') return false;
      throw error;
    }
  }
}
