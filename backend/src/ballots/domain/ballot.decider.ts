import { ballotCommitment, checkPooledBallot, type EventPayload } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { checkInPerson, type InPerson as AtBooth } from '../../booths/public-api';
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

/** What a poll officer brings to an assisted ballot (see checkInPerson), and their confirmation of a replacement. */
export interface InPerson extends AtBooth {
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

export const ballotDecider: Decider<CastBallot, BallotEvent, BallotState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { edition, inPerson } = command;
    requirePhase(edition, 'voting');
    // The in-person rules are the booths feature's, shared with assisted supports and proposals.
    if (inPerson) checkInPerson(inPerson, state.status === 'cast' ? state.district : null);
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
