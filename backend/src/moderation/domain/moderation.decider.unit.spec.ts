import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { moderationDecider, type ModerationCommand, type ModerationEvent } from './moderation.decider';

const resident = 'a'.repeat(64);
const other = 'b'.repeat(64);
const moderator = 'c'.repeat(64);
const about = { editionId: 'pp', proposalId: 'p1' };
const proposal = { id: 'p1', redactable: ['title', 'description'] as ('title' | 'description' | 'location')[] };
const supports = anEdition('supports');
const voting = anEdition('voting', {}, { ballot: { centro: [{ proposalId: 'p1', cost: 100_000 }] } });

const report = (reporter = resident, reportId = 'r1'): ModerationCommand => ({
  type: 'ReportProposal',
  edition: supports,
  proposal,
  reportId,
  reporter,
  reason: 'personal-data',
});
const reported = (reporter = resident, reportId = 'r1'): ModerationEvent => ({
  type: 'ProposalReported',
  data: { ...about, reportId, reporter, reason: 'personal-data' },
});
const action = <T extends 'HideProposal' | 'RestoreProposal' | 'DismissReports'>(type: T, edition = supports) => ({
  type,
  edition,
  proposal,
  by: moderator,
  reason: 'Publica un teléfono',
});
const hidden: ModerationEvent = {
  type: 'ProposalHidden',
  data: { ...about, reason: 'Publica un teléfono', by: moderator },
};
const restored: ModerationEvent = {
  type: 'ProposalRestored',
  data: { ...about, reason: 'Publica un teléfono', by: moderator },
};
const redact = (fields: ('title' | 'description' | 'location')[], edition = voting): ModerationCommand => ({
  type: 'RedactProposal',
  edition,
  proposal,
  by: moderator,
  reason: 'Publica un teléfono',
  fields,
});
const redacted = (fields: ('title' | 'description' | 'location')[]): ModerationEvent => ({
  type: 'ProposalRedacted',
  data: { ...about, reason: 'Publica un teléfono', by: moderator, fields },
});
const spec = deciderSpec(moderationDecider);

describe('moderation decider', () => {
  describe('reports', () => {
    it('records a report with its reason from the list', () => {
      spec([]).when(report()).then([reported()]);
    });

    it('allows one open report per resident per proposal, and others may report too', () => {
      spec([reported()]).when(report(resident, 'r2')).thenFails('ALREADY_REPORTED');
      spec([reported()])
        .when(report(other, 'r2'))
        .then([reported(other, 'r2')]);
    });

    it('opens again once a moderator has acted on the proposal', () => {
      spec([reported(), redacted(['title'])])
        .when(report(resident, 'r2'))
        .then([reported(resident, 'r2')]);
      spec([reported(), hidden, restored])
        .when(report(resident, 'r2'))
        .then([reported(resident, 'r2')]);
    });

    it('refuses a report on a hidden proposal, saying why it is hidden', () => {
      spec([hidden]).when(report()).thenFails('PROPOSAL_HIDDEN', { reason: 'Publica un teléfono' });
    });
  });

  describe('hide and restore', () => {
    it('hides a proposal with a public reason', () => {
      spec([reported()]).when(action('HideProposal')).then([hidden]);
    });

    it('refuses to hide a proposal on the ballot (only its text can be redacted)', () => {
      spec([]).when(action('HideProposal', voting)).thenFails('HIDE_ON_BALLOT');
    });

    it('refuses to hide twice, and to restore what is not hidden', () => {
      spec([hidden]).when(action('HideProposal')).thenFails('ALREADY_HIDDEN');
      spec([]).when(action('RestoreProposal')).thenFails('NOT_HIDDEN');
      spec([hidden, restored]).when(action('RestoreProposal')).thenFails('NOT_HIDDEN');
    });

    it('restores a hidden proposal with a public reason', () => {
      spec([hidden]).when(action('RestoreProposal')).then([restored]);
    });
  });

  describe('redact', () => {
    it('erases the named texts, also of a proposal on the ballot', () => {
      spec([])
        .when(redact(['title', 'description']))
        .then([redacted(['title', 'description'])]);
    });

    it('refuses to redact a text that holds nothing to erase, naming it', () => {
      spec([])
        .when(redact(['title', 'location']))
        .thenFails('NOTHING_TO_REDACT', { fields: 'location' });
    });
  });

  describe('dismiss', () => {
    const dismissed: ModerationEvent = {
      type: 'ReportsDismissed',
      data: { ...about, reason: 'Publica un teléfono', by: moderator },
    };

    it('closes the open reports of a proposal that needs no action, so its reporters may report again', () => {
      spec([reported(), reported(other, 'r2')])
        .when(action('DismissReports'))
        .then([dismissed]);
      spec([reported(), dismissed])
        .when(report(resident, 'r3'))
        .then([reported(resident, 'r3')]);
    });

    it('refuses when no report is open', () => {
      spec([]).when(action('DismissReports')).thenFails('NO_OPEN_REPORTS');
      spec([reported(), hidden]).when(action('DismissReports')).thenFails('NO_OPEN_REPORTS');
    });
  });
});
