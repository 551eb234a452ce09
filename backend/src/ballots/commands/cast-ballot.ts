import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { publicEvent, receiptOf } from '@decidimos/contracts';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader, type Edition } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { eligibility, participant, pseudonym, type Participant } from '../../identity/public-api';
import { DomainError } from '../../shared/domain-error';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { ballotsProjection } from '../ballots.projection';
import { ballotDecider } from '../domain/ballot.decider';
import { ballotStream } from '../streams';

export interface CastAnswer {
  /** True for a first ballot (201), false for a changed one (200). */
  first: boolean;
  receipt: string;
  ballotId: string;
  leafHash: string;
}

/** The credential a poll officer checked in person. */
export interface InPersonCredential {
  curp: string;
  birthdate: string;
  district: string;
}

export class CastBallotCommand extends Command<CastAnswer> {
  constructor(
    readonly editionId: string,
    readonly selections: string[],
    readonly caller: Caller,
    /** Set for an assisted ballot recorded by a poll officer. */
    readonly credential: InPersonCredential | null,
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
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, selections, caller, credential, idempotencyKey }: CastBallotCommand): Promise<CastAnswer> {
    const edition = await this.editions.load(editionId);
    const { voter, district } = credential
      ? this.inPerson(edition, credential)
      : participant(caller, edition, this.config.voterKey, 'ballot');
    // Revotes race each other on the same stream: re-reading and re-deciding is safe, so retry generously.
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
        channel: credential ? 'assisted' : 'online',
      },
      // The answer reads no read model, and the resident's next read is their ballot: the
      // audit tree and the rest follow without holding the answer back (issue 13).
      { retries: 50, readsFrom: [ballotsProjection.name], ...(idempotencyKey ? { idempotencyKey } : {}) },
    );
    await this.refuseIfAfterClose(editionId, result.position);
    // The receipt hashes the time the store recorded the ballot, which only the store knows.
    const cast = (await this.es.recorded(result))[0]!;
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

  private inPerson(edition: Edition, credential: InPersonCredential): Participant {
    const claims = {
      curp: credential.curp,
      birthdate: credential.birthdate,
      district: credential.district,
      resident: true,
    };
    const verdict = eligibility(claims, edition, new Date());
    if (!verdict.eligible) {
      throw new DomainError('NOT_ELIGIBLE', {
        reasonKey: verdict.reason,
        minAge: verdict.minAge,
        district: verdict.district,
      });
    }
    return {
      voter: pseudonym(this.config.voterKey, 'ballot', edition.editionId, credential.curp),
      district: verdict.district,
    };
  }
}
