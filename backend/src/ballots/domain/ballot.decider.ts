import {
  ballotCommitment,
  checkPooledBallot,
  curpState,
  NUEVO_LEON,
  type EventPayload,
  type ResidenceProof,
} from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError, type ProblemParams } from '../../shared/domain-error';
import { onShift, type Booth } from '../../booths/public-api';
import { requirePhase, type EditionState } from '../../editions/public-api';

/**
 * One person's ballot in one edition (stream `ballot-<edition>-<voter>`, the voter being
 * the HMAC of their CURP): the first cast appends with "no stream", so two concurrent
 * first casts cannot both succeed; a revote appends with the revision it read.
 */
export type BallotEvent = { type: 'BallotCast'; data: EventPayload<'BallotCast'> };

export type BallotState =
  | { status: 'none' }
  | {
      status: 'cast';
      selections: string[];
      district: string;
      channel: 'online' | 'assisted';
      booth: string | null;
      casts: number;
    };

/** What a poll officer brings to an assisted ballot: where and when, and what they checked in person. */
export interface InPerson {
  booth: Booth;
  /** The officer's staff pseudonym. */
  officer: string;
  /** ISO instant the officer recorded the ballot. */
  now: string;
  curp: string;
  /** The district the officer typed, if any: it must be the booth's. */
  typedDistrict: string | null;
  /** Districts where the person already took part in this edition (their supports' proposals). */
  knownDistricts: string[];
  residenceProof: ResidenceProof | null;
  /** Why the credential is not eligible (age), or null. */
  ineligible: ProblemParams | null;
  /** The officer confirmed, with the person present, that this ballot replaces the one recorded. */
  confirmReplace: boolean;
}

export interface CastBallot {
  type: 'CastBallot';
  edition: EditionState;
  voter: string;
  /** Online: the resident's district; assisted: ignored, the booth's district counts. */
  district: string;
  selections: string[];
  /** 32 random bytes, hex, drawn by the handler so that deciding stays pure. */
  salt: string;
  inPerson: InPerson | null;
}

/**
 * The rules of the in-person channel: the officer is on shift at that booth now; the
 * district is the booth's and agrees with everything already known of the person; a
 * CURP of someone born outside Nuevo León comes with a proof-of-residence category; and a
 * ballot that would replace one already recorded needs the officer's explicit confirmation.
 */
function checkInPerson(inPerson: InPerson, state: BallotState): void {
  const { booth } = inPerson;
  if (!onShift(booth, inPerson.officer, inPerson.now)) throw new DomainError('NOT_ON_SHIFT', { booth: booth.name });
  if (inPerson.ineligible) throw new DomainError('NOT_ELIGIBLE', inPerson.ineligible);
  const known = [
    inPerson.typedDistrict,
    state.status === 'cast' ? state.district : null,
    ...inPerson.knownDistricts,
  ].find((district) => district !== null && district !== booth.district);
  if (known) throw new DomainError('DISTRICT_MISMATCH', { district: booth.district, known });
  const birthState = curpState(inPerson.curp);
  if (birthState !== NUEVO_LEON && inPerson.residenceProof === null) {
    throw new DomainError('RESIDENCE_PROOF_REQUIRED', { state: birthState });
  }
}

export const ballotDecider: Decider<CastBallot, BallotEvent, BallotState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { edition, inPerson } = command;
    requirePhase(edition, 'voting');
    if (inPerson) checkInPerson(inPerson, state);
    if (state.status === 'cast' && !edition.rules.ballot.revoting) throw new DomainError('ALREADY_VOTED');
    if (inPerson && state.status === 'cast' && !inPerson.confirmReplace) {
      throw new DomainError('WOULD_REPLACE', { channel: state.channel });
    }
    const districtId = inPerson ? inPerson.booth.district : command.district;
    const district = edition.districts.find((d) => d.id === districtId);
    if (!district) throw new DomainError('UNKNOWN_DISTRICT', { district: districtId });
    // One ballot, a pool each: the district's, and the citywide pool's when the edition has one.
    const pools = edition.citywidePool ? [district, edition.citywidePool] : [district];
    const violation = checkPooledBallot(
      edition.rules.ballot,
      pools.map((pool) => ({ id: pool.id, budget: pool.budget, ballot: edition.ballot?.[pool.id] ?? [] })),
      command.selections,
    );
    if (violation) {
      const pool = pools.find((p) => p.id === violation.pool)!;
      throw new DomainError(violation.code, { ...violation.params, pool: pool.name });
    }
    return [
      {
        type: 'BallotCast',
        data: {
          editionId: edition.editionId,
          voter: command.voter,
          district: district.id,
          commitment: ballotCommitment(command.salt, command.selections),
          channel: inPerson ? 'assisted' : 'online',
          booth: inPerson ? inPerson.booth.boothId : null,
          residenceProof: inPerson ? inPerson.residenceProof : null,
          sealed: { selections: command.selections, salt: command.salt },
        },
      },
    ];
  },

  evolve(state, event) {
    return {
      status: 'cast',
      selections: event.data.sealed.selections,
      district: event.data.district,
      channel: event.data.channel,
      booth: event.data.booth,
      casts: (state.status === 'cast' ? state.casts : 0) + 1,
    };
  },
};
