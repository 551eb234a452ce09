import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { publicEvent, receiptOf, type InPersonCredential } from '@decidimos/contracts';
import { BoothLoader } from '../../booths/public-api';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader, type Edition } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { eligibility, participant, pseudonym } from '../../identity/public-api';
import { ProposalsReadModel } from '../../proposals/public-api';
import { DomainError } from '../../shared/domain-error';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { supportsDecider, supportsStream } from '../../supports/public-api';
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
    private readonly booths: BoothLoader,
    private readonly proposals: ProposalsReadModel,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, selections, caller, assisted, idempotencyKey }: CastBallotCommand): Promise<CastAnswer> {
    const edition = await this.editions.load(editionId);
    const { voter, district, inPerson } = assisted
      ? await this.inPerson(edition, caller, assisted)
      : { ...participant(caller, edition, this.config.voterKey, 'ballot'), inPerson: null };
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
        inPerson,
      },
      { retries: 50, ...(idempotencyKey ? { idempotencyKey } : {}) },
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

  /** What the decider needs to judge an assisted ballot; the rules themselves are the decider's. */
  private async inPerson(
    edition: Edition,
    caller: Caller,
    { booth: boothId, credential, confirmReplace }: Assisted,
  ): Promise<{ voter: string; district: string; inPerson: InPerson }> {
    const booth = await this.booths.load(boothId, edition.editionId);
    const verdict = eligibility(
      { curp: credential.curp, birthdate: credential.birthdate, district: booth.district, resident: true },
      edition,
      new Date(),
    );
    // One ballot stream per person and edition, whichever the channel.
    const voter = pseudonym(this.config.voterKey, 'ballot', edition.editionId, credential.curp);
    // The person's supports (under their support pseudonym) name the district they already took part in.
    const supporter = pseudonym(this.config.voterKey, 'support', edition.editionId, credential.curp);
    const { supported } = await this.es.load(supportsStream(edition.editionId, supporter), supportsDecider);
    const supportedPools = await Promise.all(supported.map(async (id) => (await this.proposals.require(id)).district));
    // A support of a citywide proposal says nothing of where the person lives.
    const knownDistricts = supportedPools.filter((pool) => pool !== edition.citywidePool?.id);
    return {
      voter,
      district: booth.district,
      inPerson: {
        booth,
        officer: caller.staff,
        now: new Date().toISOString(),
        curp: credential.curp,
        typedDistrict: credential.district ?? null,
        knownDistricts,
        residenceProof: credential.residenceProof ?? null,
        ineligible: verdict.eligible
          ? null
          : { reasonKey: verdict.reason, minAge: verdict.minAge, district: verdict.district },
        confirmReplace,
      },
    };
  }
}
