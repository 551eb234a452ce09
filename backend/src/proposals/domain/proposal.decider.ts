import { editionPools, type EventPayload } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { requirePhase, type Edition, type EditionState } from '../../editions/public-api';

/**
 * One author's proposals in one edition (stream `proposals-<edition>-<author>`): every
 * submission appends with the revision it read, so the per-resident limit holds under
 * concurrency, as supports do.
 */
export type ProposalEvent =
  | { type: 'ProposalSubmitted'; data: EventPayload<'ProposalSubmitted'> }
  | { type: 'ProposalEdited'; data: EventPayload<'ProposalEdited'> }
  | { type: 'ProposalWithdrawn'; data: EventPayload<'ProposalWithdrawn'> }
  | { type: 'ProposalAssessed'; data: EventPayload<'ProposalAssessed'> };

export interface OwnProposal {
  editionId: string;
  proposalId: string;
  author: string;
  district: string;
  estimatedCost: number;
  status: 'submitted' | 'withdrawn' | 'assessed';
}

export interface AuthorProposalsState {
  /** By proposal id. */
  proposals: Record<string, OwnProposal>;
}

/** What a submission records: the texts only as their commitments (the texts live outside the log). */
type Content = Pick<EventPayload<'ProposalSubmitted'>, 'texts' | 'district' | 'estimatedCost' | 'category'>;
type Changes = Omit<EventPayload<'ProposalEdited'>, 'editionId' | 'proposalId'>;

export type ProposalCommand =
  | {
      type: 'SubmitProposal';
      proposalId: string;
      edition: EditionState;
      author: string;
      content: Content;
    }
  | { type: 'EditProposal'; edition: EditionState; proposalId: string; by: string; changes: Changes }
  | { type: 'WithdrawProposal'; edition: EditionState; proposalId: string; by: string }
  | {
      type: 'AssessProposal';
      edition: EditionState;
      proposalId: string;
      reviewer: string;
      feasible: boolean;
      cost: number;
      reason: string;
      technical: string | null;
      legal: string | null;
      financial: string | null;
    };

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, AuthorProposalsState> = {
  initialState: () => ({ proposals: {} }),

  decide(command, state) {
    switch (command.type) {
      case 'SubmitProposal':
        return submit(command, state);
      case 'EditProposal':
        return edit(command, state);
      case 'WithdrawProposal': {
        const proposal = authoredOpenProposal(command, state);
        return [
          { type: 'ProposalWithdrawn', data: { editionId: proposal.editionId, proposalId: proposal.proposalId } },
        ];
      }
      case 'AssessProposal':
        return assess(command, state);
    }
  },

  evolve(state, event) {
    const change = (proposalId: string, update: (proposal: OwnProposal) => OwnProposal): AuthorProposalsState => {
      const proposal = state.proposals[proposalId];
      return proposal ? { proposals: { ...state.proposals, [proposalId]: update(proposal) } } : state;
    };
    switch (event.type) {
      case 'ProposalSubmitted': {
        const { editionId, proposalId, author, district, estimatedCost } = event.data;
        const proposal: OwnProposal = { editionId, proposalId, author, district, estimatedCost, status: 'submitted' };
        return { proposals: { ...state.proposals, [proposalId]: proposal } };
      }
      case 'ProposalEdited':
        return change(event.data.proposalId, (p) => ({
          ...p,
          district: event.data.district ?? p.district,
          estimatedCost: event.data.estimatedCost ?? p.estimatedCost,
        }));
      case 'ProposalWithdrawn':
        return change(event.data.proposalId, (p) => ({ ...p, status: 'withdrawn' }));
      case 'ProposalAssessed':
        return change(event.data.proposalId, (p) => ({ ...p, status: 'assessed' }));
    }
  },
};

function submit(
  command: Extract<ProposalCommand, { type: 'SubmitProposal' }>,
  state: AuthorProposalsState,
): ProposalEvent[] {
  const { edition, content } = command;
  requirePhase(edition, 'proposals');
  if (state.proposals[command.proposalId]) throw new DomainError('CONCURRENT_UPDATE');
  checkContent(edition, content);
  const limit = edition.rules.proposals.perResident;
  // A withdrawn proposal frees its slot.
  const open = Object.values(state.proposals).filter((p) => p.status !== 'withdrawn').length;
  if (open >= limit) throw new DomainError('PROPOSAL_LIMIT_REACHED', { limit });
  return [
    {
      type: 'ProposalSubmitted',
      data: {
        editionId: edition.editionId,
        proposalId: command.proposalId,
        author: command.author,
        ...content,
      },
    },
  ];
}

function edit(
  command: Extract<ProposalCommand, { type: 'EditProposal' }>,
  state: AuthorProposalsState,
): ProposalEvent[] {
  const proposal = authoredOpenProposal(command, state);
  const edition = command.edition as Edition;
  checkContent(edition, {
    district: command.changes.district ?? proposal.district,
    estimatedCost: command.changes.estimatedCost ?? proposal.estimatedCost,
  });
  return [
    {
      type: 'ProposalEdited',
      data: { editionId: proposal.editionId, proposalId: proposal.proposalId, ...command.changes },
    },
  ];
}

function assess(
  command: Extract<ProposalCommand, { type: 'AssessProposal' }>,
  state: AuthorProposalsState,
): ProposalEvent[] {
  const { edition, proposalId, reviewer, feasible, cost, reason, technical, legal, financial } = command;
  requirePhase(edition, 'review');
  const proposal = state.proposals[proposalId];
  if (!proposal) throw new DomainError('NOT_FOUND', { what: 'proposal', id: proposalId });
  if (proposal.status === 'withdrawn') throw new DomainError('WITHDRAWN');
  // A final cost of 0 would put a free project on the ballot, and one above the district's
  // budget could never be funded: both are typing mistakes, not verdicts.
  const budget = editionPools(edition).find((d) => d.id === proposal.district)?.budget ?? 0;
  if (cost <= 0 || cost > budget) {
    throw new DomainError('ASSESSED_COST_OUT_OF_RANGE', { district: proposal.district, budget, cost });
  }
  return [
    {
      type: 'ProposalAssessed',
      data: {
        editionId: proposal.editionId,
        proposalId,
        reviewer,
        feasible,
        cost,
        reason,
        technical,
        legal,
        financial,
      },
    },
  ];
}

/** Edits and withdrawals: only the author, only while the proposals phase is open, never after withdrawal. */
function authoredOpenProposal(
  command: { edition: EditionState; proposalId: string; by: string },
  state: AuthorProposalsState,
): OwnProposal {
  requirePhase(command.edition, 'proposals');
  const proposal = state.proposals[command.proposalId];
  if (!proposal) throw new DomainError('NOT_FOUND', { what: 'proposal', id: command.proposalId });
  if (proposal.author !== command.by) throw new DomainError('NOT_AUTHOR');
  if (proposal.status === 'withdrawn') throw new DomainError('WITHDRAWN');
  return proposal;
}

function checkContent(edition: Edition, content: { district: string; estimatedCost: number }): void {
  // A proposal is for a district or, serving the whole city, for the citywide pool.
  if (!editionPools(edition).some((d) => d.id === content.district)) {
    throw new DomainError('UNKNOWN_DISTRICT', { district: content.district });
  }
  const { minCost, maxCost } = edition.rules.proposals;
  if (content.estimatedCost < minCost || content.estimatedCost > maxCost) {
    throw new DomainError('COST_OUT_OF_RANGE', { min: minCost, max: maxCost, cost: content.estimatedCost });
  }
}
