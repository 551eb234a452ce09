import { z } from 'zod';
import {
  calendarSchema,
  citywidePoolSchema,
  districtSchema,
  editionRulesSchema,
  phaseSchema,
  PHASES,
} from '../editions/edition';
import { calendarPhasesSchema } from '../editions/calendar';
import { RESIDENCE_PROOFS, roleSchema } from '../events/catalog';
import { proposalTextFieldSchema } from '../proposals/texts';

import { CURP_MESSAGES, CURP_SEXES, curpProblems } from './curp';
import { longText, shortText } from './text';

/** Request and response bodies of the HTTP API (API.md), shared by backend, SPA and tests. */

const pesos = z.number().int('money is a whole number of pesos').nonnegative();

/** A district as an admin writes it: the catalog's shape, with its name checked as text people typed. */
const districtRequest = districtSchema.extend({ name: shortText(1, 120) });
/** The citywide pool as an admin writes it, its name checked the same way. */
const citywidePoolRequest = citywidePoolSchema.extend({ name: shortText(1, 120) });

export const createEditionRequest = z
  .object({
    title: shortText(3, 200),
    description: longText(0, 10_000).default(''),
    districts: z.array(districtRequest).min(1, 'an edition needs at least one district').max(200),
    /** Optional: a budget every resident votes on beside their district's (null or absent: none). */
    citywidePool: citywidePoolRequest.nullable().default(null),
    rules: editionRulesSchema.default(editionRulesSchema.parse({})),
    /** The calendar's windows (editions/calendar.ts); PUT …/calendar changes them later. */
    calendar: calendarPhasesSchema.default([]),
  })
  .strict()
  .refine((e) => new Set(e.districts.map((d) => d.id)).size === e.districts.length, {
    message: 'district ids must be unique',
    path: ['districts'],
  })
  .refine((e) => e.citywidePool === null || e.districts.every((d) => d.id !== e.citywidePool?.id), {
    message: 'the citywide pool needs an id no district has',
    path: ['citywidePool', 'id'],
  });
export type CreateEditionRequest = z.input<typeof createEditionRequest>;

export const advancePhaseRequest = z.object({ to: phaseSchema }).strict();

export const submitProposalRequest = z
  .object({
    title: shortText(5, 150),
    description: longText(20, 5_000),
    district: z.string().min(1).max(40),
    estimatedCost: pesos,
    category: shortText(1, 60).nullable().optional(),
    location: shortText(1, 300).nullable().optional(),
  })
  .strict();
export type SubmitProposalRequest = z.input<typeof submitProposalRequest>;

export const editProposalRequest = submitProposalRequest
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });

export const assessmentRequest = z
  .object({
    feasible: z.boolean(),
    cost: pesos,
    reason: longText(5, 2_000),
    technical: longText(1, 2_000).nullable().optional(),
    legal: longText(1, 2_000).nullable().optional(),
    financial: longText(1, 2_000).nullable().optional(),
  })
  .strict();

export const grantRoleRequest = z.object({ subject: z.string().min(1).max(200), role: roleSchema }).strict();

/** The answer of a grant or revoke: `changed` is false when the person already had (or lacked) the role. */
export const roleChange = z.object({ subject: z.string(), role: roleSchema, changed: z.boolean() });
export type RoleChange = z.infer<typeof roleChange>;

/** The answer of giving or taking back a support: the caller's state and the proposal's count after it. */
export const supportAnswer = z.object({ proposalId: z.string(), supported: z.boolean(), supports: z.number() });
export type SupportAnswer = z.infer<typeof supportAnswer>;

export const createdResponse = z.object({ id: z.string() });

export const meResponse = z.object({
  displayName: z.string(),
  roles: z.array(z.string()),
  district: z.string().nullable(),
  eligible: z.boolean(),
  csrfToken: z.string(),
  /** The name shown next to my proposals (outside the log, erasable); null: anonymous. */
  publicDisplayName: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

/** PUT /api/me/display-name: the name shown next to my proposals. */
export const displayNameRequest = z.object({ displayName: shortText(1, 80) }).strict();
export type DisplayNameRequest = z.input<typeof displayNameRequest>;
export const displayNameAnswer = z.object({ publicDisplayName: z.string().nullable() });

export const editionView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  phase: phaseSchema,
  districts: z.array(districtSchema),
  /** The budget every resident votes on beside their district's; null: the edition has none. */
  citywidePool: citywidePoolSchema.nullable(),
  rules: editionRulesSchema,
  /** When each phase started or is planned to start (plannedStarts of the calendar's windows). */
  calendar: calendarSchema,
  /** The calendar's windows, as an admin sets them. */
  calendarPhases: calendarPhasesSchema,
  /** The public reason of the calendar's last move, if it gave one. */
  calendarReason: z.string().nullable(),
  phaseHistory: z.array(z.object({ phase: phaseSchema, at: z.string() })),
  /** When the calendar moves the edition on from its current phase by itself; null when it does not. */
  phaseEndsAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EditionView = z.infer<typeof editionView>;

export const editionList = z.object({ items: z.array(editionView), total: z.number() });

export const PROPOSAL_STATUSES = [
  'submitted',
  'withdrawn',
  'feasible',
  'unfeasible',
  'on-ballot',
  'off-ballot',
  'selected',
  'not-selected',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const assessmentView = z.object({
  feasible: z.boolean(),
  cost: z.number(),
  reason: z.string(),
  technical: z.string().nullable(),
  legal: z.string().nullable(),
  financial: z.string().nullable(),
  assessedAt: z.string(),
});

/**
 * What moderators did to a proposal, with their public reasons: hidden (out of lists and
 * supports) or not, and the texts they erased (shown as REDACTED_TEXT).
 */
export const proposalModeration = z.object({
  hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  redactions: z.array(z.object({ fields: z.array(proposalTextFieldSchema), reason: z.string(), at: z.string() })),
});
export type ProposalModeration = z.infer<typeof proposalModeration>;

export const proposalView = z.object({
  id: z.string(),
  editionId: z.string(),
  title: z.string(),
  description: z.string(),
  district: z.string(),
  estimatedCost: z.number(),
  /** The cost that counts: the reviewer's final cost once assessed, else the estimate. */
  cost: z.number(),
  category: z.string().nullable(),
  location: z.string().nullable(),
  /** The author's public display name as of this answer (a profile, not the log); null: anonymous. */
  authorDisplayName: z.string().nullable(),
  /** Whether the caller wrote it: the SPA offers edit and withdraw on this, never on names. */
  mine: z.boolean(),
  status: z.enum(PROPOSAL_STATUSES),
  supports: z.number(),
  votes: z.number().nullable(),
  assessment: assessmentView.nullable(),
  history: z.array(z.object({ at: z.string(), event: z.string(), status: z.enum(PROPOSAL_STATUSES) })),
  submittedAt: z.string(),
  updatedAt: z.string(),
  moderation: proposalModeration,
});
export type ProposalView = z.infer<typeof proposalView>;

export const proposalList = z.object({
  items: z.array(proposalView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every category the edition's proposals carry, whatever the filters, so a picker can offer them all. */
  categories: z.array(z.string()),
});

export const proposalListQuery = z.object({
  district: z.string().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  category: shortText(0, 100).optional(),
  q: shortText(0, 200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The proposals still to assess in an edition, oldest first. */
export const reviewQueue = z.object({ items: z.array(proposalView), total: z.number() });
export type ReviewQueue = z.infer<typeof reviewQueue>;

export const reviewQueueQuery = z.object({ district: z.string().optional() });

/** Which pool's pabulib file to download (a district's id or the citywide pool's); optional when the edition has a single one. */
export const resultsPbQuery = z.object({ district: z.string().min(1).optional() });

/** One field a request got wrong, named by where it is (`body.title`, `query.page`). */
export const fieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

/** Every error answer (RFC 9457 problem+json): backend, OpenAPI document and SPA all use this one shape. */
export const problemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(fieldError).optional(),
});
export type ProblemDetails = z.infer<typeof problemDetails>;

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.unknown()).optional(),
});

export { PHASES };

const selections = z.array(z.string().min(1).max(200)).max(500);

export const castBallotRequest = z.object({ selections }).strict();

/**
 * The credential a poll officer checked in person. The district comes from the booth; a
 * typed one must agree with it. A CURP whose state of birth is not Nuevo León needs the
 * category of the proof of residence the officer saw.
 */
export const inPersonCredential = z
  .object({
    curp: z.string().trim().toUpperCase(),
    birthdate: z.iso.date('use the date of birth as YYYY-MM-DD'),
    sex: z.enum(CURP_SEXES).optional(),
    district: z.string().min(1).max(40).optional(),
    residenceProof: z.enum(RESIDENCE_PROOFS).optional(),
  })
  .strict()
  .superRefine((c, context) => {
    for (const problem of curpProblems(c.curp, c.birthdate, c.sex)) {
      context.addIssue({ code: 'custom', message: CURP_MESSAGES[problem.reason], path: [problem.field] });
    }
  });
export type InPersonCredential = z.output<typeof inPersonCredential>;

export const assistedBallotRequest = z
  .object({
    booth: z.string().min(1).max(200),
    credential: inPersonCredential,
    selections,
    /** The officer confirms, with the person present, that this ballot replaces the one already recorded. */
    confirmReplace: z.boolean().default(false),
  })
  .strict();
export type AssistedBallotRequest = z.input<typeof assistedBallotRequest>;

/** A support recorded in person: the person's support counts against the same limit as online. */
export const assistedSupportRequest = z
  .object({
    booth: z.string().min(1).max(200),
    credential: inPersonCredential,
    proposal: z.string().min(1).max(200),
  })
  .strict();
export type AssistedSupportRequest = z.input<typeof assistedSupportRequest>;

/**
 * A proposal recorded in person: what a resident sends online, without the district,
 * which is the booth's.
 */
export const assistedProposalRequest = z
  .object({
    booth: z.string().min(1).max(200),
    credential: inPersonCredential,
    proposal: submitProposalRequest.omit({ district: true }).strict(),
  })
  .strict();
export type AssistedProposalRequest = z.input<typeof assistedProposalRequest>;

/** An instant with its offset, stored as UTC so that comparisons are plain string comparisons. */
const instant = z.iso
  .datetime({ offset: true, message: 'use a date and time with its offset, e.g. 2027-05-10T08:00:00-06:00' })
  .transform((at) => new Date(at).toISOString());

export const defineBoothRequest = z
  .object({
    name: shortText(1, 120),
    address: shortText(1, 300),
    district: z.string().min(1).max(40),
    opensAt: instant,
    closesAt: instant,
  })
  .strict()
  .refine((b) => b.opensAt < b.closesAt, { message: 'a booth closes after it opens', path: ['closesAt'] });
export type DefineBoothRequest = z.input<typeof defineBoothRequest>;

export const assignShiftRequest = z
  .object({
    /** The iD Digital subject of someone holding the poll-officer role. */
    officer: z.string().min(1).max(200),
    from: instant,
    to: instant,
  })
  .strict()
  .refine((s) => s.from < s.to, { message: 'a shift ends after it starts', path: ['to'] });
export type AssignShiftRequest = z.input<typeof assignShiftRequest>;

/** The answer of assigning a shift: the booth and the window, as recorded. */
export const assignedShift = z.object({ booth: z.string(), from: z.string(), to: z.string() });

export const boothView = z.object({
  id: z.string(),
  editionId: z.string(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** Assisted ballots that counted (last per person, before voting closed); null until results are out. */
  assistedBallots: z.number().nullable(),
});
export type BoothView = z.infer<typeof boothView>;

export const boothList = z.object({ items: z.array(boothView) });

/** A poll officer's own shifts, soonest first, each with its booth. */
export const myShifts = z.object({
  items: z.array(z.object({ booth: boothView, from: z.string(), to: z.string(), now: z.boolean() })),
});
export type MyShifts = z.infer<typeof myShifts>;

export const ballotReceipt = z.object({ receipt: z.string(), ballotId: z.string(), leafHash: z.string() });

export const currentBallot = ballotReceipt.extend({
  selections: z.array(z.string()),
  district: z.string(),
  channel: z.enum(['online', 'assisted']),
  /** The booth of an assisted ballot, and its name; null online. */
  booth: z.string().nullable(),
  boothName: z.string().nullable(),
  castAt: z.string(),
  /** Set when this ballot replaced an earlier one: the channel and booth of the one it replaced. */
  replaced: z.object({ channel: z.enum(['online', 'assisted']), booth: z.string().nullable() }).nullable(),
});

export const resultsView = z.object({
  editionId: z.string(),
  phase: phaseSchema,
  rule: z.string(),
  ballots: z.number(),
  /** Counted ballots per channel, and the assisted ones per booth. */
  channels: z.object({ online: z.number(), assisted: z.number() }),
  booths: z.array(z.object({ id: z.string(), name: z.string(), district: z.string(), ballots: z.number() })),
  /** Each pool counted on its own: every district, then the citywide pool (`citywide`) if the edition has one. */
  districts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      citywide: z.boolean(),
      budget: z.number(),
      spent: z.number(),
      voters: z.number(),
      rule: z.string(),
      proposals: z.array(
        z.object({ id: z.string(), title: z.string(), cost: z.number(), votes: z.number(), selected: z.boolean() }),
      ),
    }),
  ),
  treeHead: z.unknown().nullable(),
});
export type ResultsView = z.infer<typeof resultsView>;
