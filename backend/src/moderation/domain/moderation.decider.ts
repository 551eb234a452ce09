import type { EventPayload, ProposalTextField, ReportReason } from '@decidimos/contracts';
import type { Edition } from '../../editions/public-api';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';

/**
 * One proposal's moderation (stream `moderation-<edition>-<proposal>`): reports are open
 * until a moderator acts on the proposal (hides, restores or redacts it, or dismisses them); each resident
 * has at most one open report on it, held under concurrency by the stream's revision.
 */
export type ModerationEvent =
  | { type: 'ProposalReported'; data: EventPayload<'ProposalReported'> }
  | { type: 'ProposalHidden'; data: EventPayload<'ProposalHidden'> }
  | { type: 'ProposalRestored'; data: EventPayload<'ProposalRestored'> }
  | { type: 'ProposalRedacted'; data: EventPayload<'ProposalRedacted'> }
  | { type: 'ReportsDismissed'; data: EventPayload<'ReportsDismissed'> };

export interface ModerationState {
  /** Report ids by reporter pseudonym, while no moderator has acted since. */
  openReports: Record<string, string>;
  hidden: { reason: string } | null;
}

/** What moderation needs to know of the proposal, from the proposals read model. */
export interface ModeratedProposal {
  id: string;
  /** Texts that hold something to erase now (not null, not erased already). */
  redactable: ProposalTextField[];
}

interface Action {
  edition: Edition;
  proposal: ModeratedProposal;
  /** The moderator's staff pseudonym. */
  by: string;
  reason: string;
}

export type ModerationCommand =
  | {
      type: 'ReportProposal';
      edition: Edition;
      proposal: ModeratedProposal;
      reportId: string;
      /** The resident's `report` pseudonym. */
      reporter: string;
      reason: ReportReason;
    }
  | ({ type: 'HideProposal' } & Action)
  | ({ type: 'RestoreProposal' } & Action)
  | ({ type: 'DismissReports' } & Action)
  | ({ type: 'RedactProposal'; fields: ProposalTextField[] } & Action);

export const moderationDecider: Decider<ModerationCommand, ModerationEvent, ModerationState> = {
  initialState: () => ({ openReports: {}, hidden: null }),

  decide(command, state) {
    const { edition, proposal } = command;
    const about = { editionId: edition.editionId, proposalId: proposal.id };
    switch (command.type) {
      case 'ReportProposal': {
        if (state.hidden) throw new DomainError('PROPOSAL_HIDDEN', { reason: state.hidden.reason });
        if (state.openReports[command.reporter]) throw new DomainError('ALREADY_REPORTED');
        const { reportId, reporter, reason } = command;
        return [{ type: 'ProposalReported', data: { ...about, reportId, reporter, reason } }];
      }
      case 'HideProposal':
        if (state.hidden) throw new DomainError('ALREADY_HIDDEN');
        // Its voters chose from a ballot that held it: taking it away now would change the vote.
        if (onBallot(edition, proposal.id)) throw new DomainError('HIDE_ON_BALLOT');
        return [{ type: 'ProposalHidden', data: { ...about, reason: command.reason, by: command.by } }];
      case 'RestoreProposal':
        if (!state.hidden) throw new DomainError('NOT_HIDDEN');
        return [{ type: 'ProposalRestored', data: { ...about, reason: command.reason, by: command.by } }];
      case 'DismissReports':
        if (Object.keys(state.openReports).length === 0) throw new DomainError('NO_OPEN_REPORTS');
        return [{ type: 'ReportsDismissed', data: { ...about, reason: command.reason, by: command.by } }];
      case 'RedactProposal': {
        const nothing = command.fields.filter((field) => !proposal.redactable.includes(field));
        if (nothing.length > 0) throw new DomainError('NOTHING_TO_REDACT', { fields: nothing.join(', ') });
        return [
          {
            type: 'ProposalRedacted',
            data: { ...about, reason: command.reason, by: command.by, fields: command.fields },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ProposalReported':
        return { ...state, openReports: { ...state.openReports, [event.data.reporter]: event.data.reportId } };
      // A moderator's action answers every report open until then.
      case 'ProposalHidden':
        return { openReports: {}, hidden: { reason: event.data.reason } };
      case 'ProposalRestored':
        return { openReports: {}, hidden: null };
      case 'ProposalRedacted':
      case 'ReportsDismissed':
        return { ...state, openReports: {} };
    }
  },
};

/** On a district's ballot, fixed when voting opened. */
export function onBallot(edition: Edition, proposalId: string): boolean {
  return Object.values(edition.ballot ?? {}).some((entries) => entries.some((e) => e.proposalId === proposalId));
}
