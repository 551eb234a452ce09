import type { EventPayload, ResidenceProof } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { requirePhase, type EditionState } from '../../editions/public-api';

/**
 * One resident's supports in one edition (stream `supports-<edition>-<voter>`): the
 * per-resident limit holds under concurrency because every change appends with the
 * revision it read.
 */
export type SupportsEvent =
  | { type: 'SupportGiven'; data: EventPayload<'SupportGiven'> }
  | { type: 'SupportWithdrawn'; data: EventPayload<'SupportWithdrawn'> };

export type SupportsState = { supported: string[] };

export interface SupportedProposal {
  id: string;
  district: string;
  status: string;
  /** Set while a moderator keeps it hidden: it takes no supports. */
  moderation: { hidden: { reason: string } | null };
}

/** Where an assisted support was recorded, and the proof of residence the officer saw. */
export interface AtBooth {
  booth: string;
  residenceProof: ResidenceProof | null;
}

export type SupportsCommand =
  | {
      type: 'GiveSupport';
      edition: EditionState;
      voter: string;
      district: string;
      proposal: SupportedProposal;
      /** Null online. */
      atBooth: AtBooth | null;
    }
  | { type: 'WithdrawSupport'; edition: EditionState; voter: string; proposalId: string };

export const supportsDecider: Decider<SupportsCommand, SupportsEvent, SupportsState> = {
  initialState: () => ({ supported: [] }),

  // Giving a support twice, or taking back one never given, records nothing (PUT and DELETE are idempotent).
  decide(command, state) {
    const { edition } = command;
    requirePhase(edition, 'supports');
    if (command.type === 'WithdrawSupport') {
      if (!state.supported.includes(command.proposalId)) return [];
      return [
        {
          type: 'SupportWithdrawn',
          data: { editionId: edition.editionId, voter: command.voter, proposalId: command.proposalId },
        },
      ];
    }
    const { proposal } = command;
    if (state.supported.includes(proposal.id)) return [];
    if (proposal.status === 'withdrawn') throw new DomainError('WITHDRAWN');
    if (proposal.moderation.hidden)
      throw new DomainError('PROPOSAL_HIDDEN', { reason: proposal.moderation.hidden.reason });
    if (proposal.status !== 'feasible') throw new DomainError('NOT_FEASIBLE');
    // Everyone may support a citywide proposal; a district's only its residents.
    const citywide = edition.citywidePool?.id === proposal.district;
    if (proposal.district !== command.district && !citywide) {
      throw new DomainError('WRONG_DISTRICT', { district: command.district, proposalDistrict: proposal.district });
    }
    const limit = edition.rules.supports.perResident;
    if (state.supported.length >= limit) throw new DomainError('SUPPORT_LIMIT_REACHED', { limit });
    const { atBooth } = command;
    return [
      {
        type: 'SupportGiven',
        data: {
          editionId: edition.editionId,
          voter: command.voter,
          proposalId: proposal.id,
          channel: atBooth ? 'assisted' : 'online',
          booth: atBooth?.booth ?? null,
          residenceProof: atBooth?.residenceProof ?? null,
        },
      },
    ];
  },

  evolve(state, event) {
    if (event.type === 'SupportGiven') return { supported: [...state.supported, event.data.proposalId] };
    return { supported: state.supported.filter((id) => id !== event.data.proposalId) };
  },
};
