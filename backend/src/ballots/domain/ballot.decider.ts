import { ballotCommitment, checkBallot, type EventPayload } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { requirePhase, type EditionState } from '../../editions/public-api';

/**
 * One person's ballot in one edition (stream `ballot-<edition>-<voter>`, the voter being
 * the HMAC of their CURP): the first cast appends with "no stream", so two concurrent
 * first casts cannot both succeed; a revote appends with the revision it read.
 */
export type BallotEvent = { type: 'BallotCast'; data: EventPayload<'BallotCast'> };

export type BallotState = { status: 'none' } | { status: 'cast'; selections: string[]; casts: number };

export interface CastBallot {
  type: 'CastBallot';
  edition: EditionState;
  voter: string;
  district: string;
  selections: string[];
  /** 32 random bytes, hex, drawn by the handler so that deciding stays pure. */
  salt: string;
  channel: 'online' | 'assisted';
}

export const ballotDecider: Decider<CastBallot, BallotEvent, BallotState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { edition } = command;
    requirePhase(edition, 'voting');
    if (state.status === 'cast' && !edition.rules.ballot.revoting) throw new DomainError('ALREADY_VOTED');
    const district = edition.districts.find((d) => d.id === command.district);
    if (!district) throw new DomainError('UNKNOWN_DISTRICT', { district: command.district });
    const violation = checkBallot(
      edition.rules.ballot,
      { budget: district.budget, ballot: edition.ballot?.[district.id] ?? [] },
      command.selections,
    );
    if (violation) throw new DomainError(violation.code, violation.params);
    return [
      {
        type: 'BallotCast',
        data: {
          editionId: edition.editionId,
          voter: command.voter,
          district: district.id,
          commitment: ballotCommitment(command.salt, command.selections),
          channel: command.channel,
          sealed: { selections: command.selections, salt: command.salt },
        },
      },
    ];
  },

  evolve(state, event) {
    return {
      status: 'cast',
      selections: event.data.sealed.selections,
      casts: (state.status === 'cast' ? state.casts : 0) + 1,
    };
  },
};
