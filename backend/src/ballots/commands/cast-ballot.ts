import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { publicEvent, receiptOf, type InPersonCredential } from '@decidimos/contracts';
import { InPersonChecks } from '../../booths/public-api';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader, type Edition } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { DomainError } from '../../shared/domain-error';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { ballotDecider, type InPerson } from '../domain/ballot.decider';
import { ballotStream } from '../streams';

export interface CastAnswer {
  /** True for a first ballot (201), false for a changed one (200). */
  first: boolean;
  receipt: string;
  ballotId: string;
  leafHash: string;
}

/** An assisted ballot: the booth, what the officer checked in person, and their confirmation of a replacement. */
export interface Assisted {
  booth: string;
  credential: InPersonCredential;
  confirmReplace: boolean;
}

export class CastBallotCommand extends Command<CastAnswer> {
  constructor(
    readonly editionId: string,
    readonly selections: string[],
    readonly caller: Caller,
    /** Set for an assisted ballot recorded by a poll officer. */
    readonly assisted: Assisted | null,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(CastBallotCommand)
export class CastBallotHandler implements ICommandHandler<CastBallotCommand> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    private readonly inPersonChecks: InPersonChecks,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, selections, caller, assisted, idempotencyKey }: CastBallotCommand): Promise<CastAnswer> {
    const edition = await this.editions.load(editionId);
    const { voter, district, inPerson } = assisted
      ? await this.inPerson(edition, caller, assisted)
      : { ...participant(caller, edition, this.config.voterKey, 'ballot'), inPerson: null };
    // Revotes race each other on the same stream: re-reading and re-deciding is safe, so retry
    // generously. The answer does not wait for the projections: the resident's own reads of
    // their ballot wait for its stream instead (BallotsReadModel.current), so the cast route
    // stays as fast as the log on an instance that does not project.
    const result = await this.es.execute(
      ballotStream(editionId, voter),
      ballotDecider,
      {
        type: 'CastBallot',
        edition,
        voter,
        district,
        selections,
        // A fresh salt per ballot, so the public commitment cannot be matched against the few possible ballots.
        salt: randomBytes(32).toString('hex'),
        inPerson,
      },
      { retries: 50, awaitProjections: false, ...(idempotencyKey ? { idempotencyKey } : {}) },
    );
    await this.refuseIfAfterClose(editionId, result.position);
    // The receipt hashes the time the store recorded the ballot, which the append reported.
    const cast = { ...result.events[0]!, recordedAt: result.recordedAt! };
    return { first: cast.revision === 0, ...receiptOf(publicEvent(cast)) };
  }

  /**
   * Voting may have closed between reading the edition and appending the ballot. Such a
   * ballot is in the log but after the event that closed voting, so it is not counted;
   * the resident must hear that, not get a receipt.
   */
  private async refuseIfAfterClose(editionId: string, ballotPosition: number): Promise<void> {
    const now = await this.editions.load(editionId);
    if (now.votingClosedAt !== null && now.votingClosedAt < ballotPosition) {
      throw new DomainError('PHASE_CLOSED', { required: 'voting', phase: now.phase });
    }
  }

  /** What the decider needs to judge an assisted ballot; the rules themselves are the decider's. */
  private async inPerson(
    edition: Edition,
    caller: Caller,
    { booth, credential, confirmReplace }: Assisted,
  ): Promise<{ voter: string; district: string; inPerson: InPerson }> {
    const atBooth = await this.inPersonChecks.gather(edition, caller.staff, booth, credential);
    return {
      // One ballot stream per person and edition, whichever the channel.
      voter: this.inPersonChecks.pseudonym('ballot', edition, credential),
      district: atBooth.booth.district,
      inPerson: { ...atBooth, confirmReplace },
    };
  }
}
