import type { Messages } from '../problems';
import type { problemsEs } from './es';

// Problem messages in English: the title and detail of each code.
const problems: Messages = {
  VALIDATION_FAILED: { title: 'Invalid data', detail: 'Check the fields listed: {{summary}}' },
  UNAUTHENTICATED: { title: 'Log in', detail: 'Log in with iD Digital Mty+ to continue.' },
  FORBIDDEN: { title: 'Not allowed', detail: 'This action needs the "{{role}}" role.' },
  CSRF: {
    title: 'Unverified request',
    detail: 'The X-CSRF-Token header is missing or does not match your session; reload the page and try again.',
  },
  NOT_ELIGIBLE: { title: 'You cannot take part', detail: '{{reason}}' },
  NOT_AUTHOR: {
    title: 'Not the author',
    detail: 'Only the person who submitted the proposal can change or withdraw it.',
  },
  NOT_FOUND: { title: 'Not found', detail: 'There is no {{what}} with id "{{id}}".' },
  PHASE_CLOSED: {
    title: 'Phase closed',
    detail: 'This is only possible in the "{{required}}" phase; the edition is in "{{phase}}".',
  },
  INVALID_PHASE_TRANSITION: {
    title: 'Phase change not allowed',
    detail: 'The edition is in "{{from}}"; the next phase is "{{next}}", not "{{to}}".',
  },
  ALREADY_VOTED: {
    title: 'Already voted',
    detail: 'A ballot is already recorded for you in this edition and changing it is not allowed.',
  },
  WITHDRAWN: { title: 'Proposal withdrawn', detail: 'The proposal was withdrawn by its author.' },
  RESULTS_NOT_PUBLISHED: {
    title: 'Results not yet published',
    detail: 'Results are published in the "results" phase; the edition is in "{{phase}}".',
  },
  BALLOTS_SEALED: {
    title: 'Ballots still sealed',
    detail:
      'The openings of the ballots (selections and salt) are published when voting closes; the edition is in "{{phase}}".',
  },
  CONCURRENT_UPDATE: {
    title: 'Simultaneous change',
    detail: 'Another request changed this at the same time; try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: 'Idempotency key reused',
    detail: 'This Idempotency-Key was already used with a different request; use a new key.',
  },
  UNKNOWN_DISTRICT: { title: 'Unknown district', detail: 'The edition has no district "{{district}}".' },
  WRONG_DISTRICT: {
    title: 'Wrong district',
    detail: 'You can only take part in your own district ({{district}}); this proposal is in "{{proposalDistrict}}".',
  },
  COST_OUT_OF_RANGE: {
    title: 'Cost out of range',
    detail: 'The cost must be between {{min, number}} and {{max, number}} pesos; {{cost, number}} was given.',
  },
  ASSESSED_COST_OUT_OF_RANGE: {
    title: 'Final cost out of range',
    detail:
      'The final cost must be above zero and at most the budget of district "{{district}}" ({{budget, number}} pesos); {{cost, number}} was given.',
  },
  PROPOSAL_LIMIT_REACHED: {
    title: 'Proposal limit reached',
    detail: 'Each resident may submit up to {{limit}} proposals in this edition.',
  },
  SUPPORT_LIMIT_REACHED: {
    title: 'Support limit reached',
    detail: 'Each resident may support up to {{limit}} proposals; take one back to give another.',
  },
  NOT_FEASIBLE: { title: 'Proposal not feasible', detail: 'Only proposals assessed as feasible can be supported.' },
  NOT_ON_BALLOT: { title: 'Not on the ballot', detail: 'Proposal "{{proposalId}}" is not on your ballot.' },
  DUPLICATE_SELECTION: { title: 'Repeated selection', detail: 'You picked "{{proposalId}}" more than once.' },
  OVER_BUDGET: {
    title: 'Over budget',
    detail: 'In "{{pool}}" your selection costs {{total, number}} pesos and the budget is {{budget, number}} pesos.',
  },
  TOO_MANY: {
    title: 'Too many proposals',
    detail: 'In "{{pool}}" you may pick at most {{max}} proposals; you picked {{count}}.',
  },
  TOO_FEW: {
    title: 'Too few proposals',
    detail: 'In "{{pool}}" you must pick at least {{min}} proposals; you picked {{count}}.',
  },
  UNDER_MINIMUM_SPEND: {
    title: 'Minimum spend not reached',
    detail:
      'In "{{pool}}" your selection must add up to at least {{minimum, number}} pesos ({{share}} % of the budget); it adds up to {{total, number}}.',
  },
  LOGIN_FAILED: { title: 'Login failed', detail: '{{reason}}' },
  PAYLOAD_TOO_LARGE: { title: 'Request too large', detail: 'The request body exceeds the limit.' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Unsupported format', detail: 'Send the body as application/json.' },
  TOO_MANY_REQUESTS: {
    title: 'Too many requests',
    detail: 'There were too many requests in a short time; try again in {{seconds}} s.',
  },
  UNAVAILABLE: { title: 'Service unavailable', detail: 'The service is not ready; try again in a few minutes.' },
  RECORDED_BUT_UNCONFIRMED: {
    title: 'Recorded, not confirmed',
    detail:
      'Your action was recorded, but something failed afterwards and its result cannot be shown yet; do not repeat it: reload in a few minutes to see it. Reference: {{reference}}.',
  },
  INTERNAL: {
    title: 'Internal error',
    detail:
      'Something failed on our side. If you were changing something, it may or may not have been recorded: check before trying again. Reference: {{reference}}.',
  },
  NOT_ON_SHIFT: { title: 'Not on shift at this booth', detail: 'You have no shift now at booth "{{booth}}".' },
  DISTRICT_MISMATCH: {
    title: 'Different district',
    detail: 'The booth is in district "{{district}}"; this person takes part in "{{known}}".',
  },
  WOULD_REPLACE: {
    title: 'A ballot is already recorded',
    detail: 'This person already voted ({{channel}}); replacing it needs their confirmation in person.',
  },
  RESIDENCE_PROOF_REQUIRED: {
    title: 'Proof of residence missing',
    detail: 'The CURP says born outside Nuevo León ({{state}}): record the type of proof of address.',
  },
  NOT_POLL_OFFICER: { title: 'Not a poll officer', detail: 'That account lacks the "poll-officer" role.' },
  SHIFT_OUTSIDE_HOURS: {
    title: 'Shift outside opening hours',
    detail: "The shift must fit within the booth's hours: from {{opensAt}} to {{closesAt}}.",
  },
  ALREADY_REPORTED: { title: 'Already reported', detail: 'Your report is still open.' },
  PROPOSAL_HIDDEN: { title: 'Proposal hidden', detail: 'The moderators hid it: {{reason}}' },
  ALREADY_HIDDEN: { title: 'Already hidden', detail: 'You can restore it.' },
  NOT_HIDDEN: { title: 'Not hidden', detail: 'Only a hidden proposal can be restored.' },
  HIDE_ON_BALLOT: { title: 'On the ballot', detail: 'It cannot be hidden; erase only the text.' },
  NOTHING_TO_REDACT: { title: 'Nothing to erase', detail: 'No text in: {{fields}}.' },
  NO_OPEN_REPORTS: { title: 'No open reports', detail: 'There are no reports to dismiss.' },
  RULES_FROZEN: { title: 'Rules fixed', detail: 'The rules were fixed when voting opened.' },
  DETAILS_FROZEN: {
    title: 'Details fixed',
    detail: 'Title, description and districts change only in draft or proposals.',
  },
  DISTRICT_HAS_PROPOSALS: {
    title: 'District has proposals',
    detail: '"{{district}}" has proposals: it cannot be removed.',
  },
  CALENDAR_IN_PAST: { title: 'Date past', detail: '{{at}} ({{phase}}) has passed; to move on now, advance the phase.' },
  REASON_REQUIRED: {
    title: 'Reason missing',
    detail: 'Once voting has opened, the calendar moves with a public reason.',
  },
  WORK_CLOSED: { title: 'Work closed', detail: 'The work is "{{status}}": it takes no more changes.' },
  CANCEL_NEEDS_REASON: { title: 'Reason missing', detail: 'To cancel, write the public reason.' },
  PROGRESS_DECREASE_NEEDS_REASON: {
    title: 'Reason missing',
    detail: 'Progress goes down from {{from}} % to {{to}} %: write the public reason.',
  },
  FINISHED_NEEDS_FULL_PROGRESS: { title: 'Progress incomplete', detail: 'To finish, progress must be 100 %.' },
  OVERSPEND_NEEDS_REASON: {
    title: 'Reason missing',
    detail: 'The amount spent exceeds the award ({{awarded, number}} pesos): write the public reason.',
  },
};

const eligibility: (typeof problemsEs)['eligibility'] = {
  noIdentity: 'Your iD Digital Mty+ account has no verified CURP or birthdate.',
  notResident: 'Only residents of Monterrey with a district recorded in iD Digital Mty+ can take part.',
  underAge: 'You must be at least {{minAge}} years old to take part in this edition.',
  districtNotInEdition: 'Your district ({{district}}) does not take part in this edition.',
};

export const problemsEn = { problems, eligibility } as const;
