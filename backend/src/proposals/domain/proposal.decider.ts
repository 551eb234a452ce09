import type { EventPayload } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { requirePhase, type EditionState } from '../../processes/domain/edition.decider';

export type ProposalEvent =
  | { type: 'ProposalSubmitted'; data: EventPayload<'ProposalSubmitted'> }
  | { type: 'ProposalEdited'; data: EventPayload<'ProposalEdited'> }
  | { type: 'ProposalWithdrawn'; data: EventPayload<'ProposalWithdrawn'> }
  | { type: 'ProposalAssessed'; data: EventPayload<'ProposalAssessed'> };

interface ProposalFields {
  editionId: string;
  proposalId: string;
  author: string;
  district: string;
  estimatedCost: number;
}

export type ProposalState =
  | { status: 'absent' }
  | ({ status: 'submitted' | 'withdrawn' } & ProposalFields)
  | ({ status: 'assessed'; feasible: boolean } & ProposalFields);

type Content = Pick<
  EventPayload<'ProposalSubmitted'>,
  'title' | 'description' | 'district' | 'estimatedCost' | 'category' | 'location'
>;

export type ProposalCommand =
  | {
      type: 'SubmitProposal';
      proposalId: string;
      edition: EditionState;
      author: string;
      authorDisplayName: string;
      /** Proposals this author already has in the edition (not withdrawn). */
      authorProposalCount: number;
      content: Content;
    }
  | { type: 'EditProposal'; edition: EditionState; by: string; changes: Partial<Content> }
  | { type: 'WithdrawProposal'; edition: EditionState; by: string }
  | {
      type: 'AssessProposal';
      edition: EditionState;
      reviewer: string;
      feasible: boolean;
      cost: number;
      reason: string;
      technical: string | null;
      legal: string | null;
      financial: string | null;
    };

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: () => ({ status: 'absent' }),

  decide(command, state) {
    switch (command.type) {
      case 'SubmitProposal':
        return submit(command, state);
      case 'EditProposal':
        return edit(command, state);
      case 'WithdrawProposal': {
        const proposal = authoredOpenProposal(command.edition, command.by, state);
        return [
          { type: 'ProposalWithdrawn', data: { editionId: proposal.editionId, proposalId: proposal.proposalId } },
        ];
      }
      case 'AssessProposal':
        return assess(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ProposalSubmitted': {
        const { editionId, proposalId, author, district, estimatedCost } = event.data;
        return { status: 'submitted', editionId, proposalId, author, district, estimatedCost };
      }
      case 'ProposalEdited':
        if (state.status === 'absent') return state;
        return {
          ...state,
          district: event.data.district ?? state.district,
          estimatedCost: event.data.estimatedCost ?? state.estimatedCost,
        };
      case 'ProposalWithdrawn':
        if (state.status === 'absent') return state;
        return { ...state, status: 'withdrawn' };
      case 'ProposalAssessed':
        if (state.status === 'absent') return state;
        return { ...state, status: 'assessed', feasible: event.data.feasible };
    }
  },
};

function submit(command: Extract<ProposalCommand, { type: 'SubmitProposal' }>, state: ProposalState): ProposalEvent[] {
  const { edition, content } = command;
  requirePhase(edition, 'proposals');
  if (state.status !== 'absent') throw new DomainError('CONCURRENT_UPDATE');
  checkContent(edition, content);
  const limit = edition.rules.proposals.perResident;
  if (command.authorProposalCount >= limit) throw new DomainError('PROPOSAL_LIMIT_REACHED', { limit });
  return [
    {
      type: 'ProposalSubmitted',
      data: {
        editionId: edition.editionId,
        proposalId: command.proposalId,
        author: command.author,
        authorDisplayName: command.authorDisplayName,
        ...content,
      },
    },
  ];
}

function edit(command: Extract<ProposalCommand, { type: 'EditProposal' }>, state: ProposalState): ProposalEvent[] {
  const proposal = authoredOpenProposal(command.edition, command.by, state);
  const edition = command.edition as Extract<EditionState, { status: 'present' }>;
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

function assess(command: Extract<ProposalCommand, { type: 'AssessProposal' }>, state: ProposalState): ProposalEvent[] {
  requirePhase(command.edition, 'review');
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'proposal', id: '' });
  if (state.status === 'withdrawn') throw new DomainError('WITHDRAWN');
  const { edition: _edition, type: _type, ...assessment } = command;
  return [
    { type: 'ProposalAssessed', data: { editionId: state.editionId, proposalId: state.proposalId, ...assessment } },
  ];
}

/** Edits and withdrawals: only the author, only while the proposals phase is open, never after withdrawal. */
function authoredOpenProposal(edition: EditionState, by: string, state: ProposalState) {
  requirePhase(edition, 'proposals');
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'proposal', id: '' });
  if (state.author !== by) throw new DomainError('NOT_AUTHOR');
  if (state.status === 'withdrawn') throw new DomainError('WITHDRAWN');
  return state;
}

function checkContent(
  edition: Extract<EditionState, { status: 'present' }>,
  content: { district: string; estimatedCost: number },
): void {
  if (!edition.districts.some((d) => d.id === content.district)) {
    throw new DomainError('UNKNOWN_DISTRICT', { district: content.district });
  }
  const { minCost, maxCost } = edition.rules.proposals;
  if (content.estimatedCost < minCost || content.estimatedCost > maxCost) {
    throw new DomainError('COST_OUT_OF_RANGE', { min: minCost, max: maxCost, cost: content.estimatedCost });
  }
}
