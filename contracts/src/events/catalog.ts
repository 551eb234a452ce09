import { z } from 'zod';
import { ballotCommitment } from '../ballots/commitment';
import { calendarPhaseSchema } from '../editions/calendar';
import {
  calendarSchema,
  citywidePoolSchema,
  countingRulesSchema,
  districtSchema,
  editionRulesSchema,
  phaseSchema,
} from '../editions/edition';
import { REPORT_REASONS, proposalTextFieldSchema } from '../proposals/texts';
import { WORK_STATUSES } from '../works/work-status';

/**
 * The versioned event catalog. Every event the system records is one of these, validated
 * on append and on read. Every type has one current schemaVersion (SCHEMA_VERSIONS), which
 * is what appends write; the reader also accepts the earlier versions listed and refuses
 * any other. A change to the shape of an event some published log holds must add its new
 * version beside the old one and an upcaster from the old (UPCASTERS), or, when it only
 * adds an optional field, list the old schema in EARLIER_VERSIONS, so those logs stay
 * readable and verifiable.
 *
 * Events hold pseudonyms (`voter`, `author`, `staff`), never names, e-mails, CURP or
 * iD subjects: the public export of an edition is its events in their public form
 * (publicEvent: a ballot without its sealed selections).
 */
const id = z.string().min(1).max(200);
const pseudonym = z.string().regex(/^[0-9a-f]{64}$/, 'a pseudonym is a hex HMAC-SHA256');
const pesos = z.number().int().nonnegative();
const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '32 bytes of lower-case hex');

export const ballotEntrySchema = z.object({ proposalId: id, cost: pesos });
export type BallotEntry = z.infer<typeof ballotEntrySchema>;

export const CHANNELS = ['online', 'assisted'] as const;
/** The category of proof of residence an officer saw (never the document itself). */
export const RESIDENCE_PROOFS = ['ine-address', 'utility-bill'] as const;
export type ResidenceProof = (typeof RESIDENCE_PROOFS)[number];

const districtTallySchema = z.object({
  id,
  budget: pesos,
  spent: pesos,
  /** Residents of the district whose ballot counted (empty ballots included). */
  voters: z.number().int().nonnegative(),
  selected: z.array(id),
  votes: z.record(z.string(), z.number().int().nonnegative()),
});
export type DistrictTally = z.infer<typeof districtTallySchema>;

/** A tree head by size and root, as events name it (the signed head itself is a TreeHeadSigned event). */
export const treeHeadRefSchema = z.object({ treeSize: z.number().int().nonnegative(), rootHash: hex32 });
export type TreeHeadRef = z.infer<typeof treeHeadRefSchema>;

/**
 * The salted commitments (textCommitment) to a proposal's texts; the texts themselves live
 * outside the log, published beside the export, so a redaction never rewrites a leaf.
 */
const proposalTexts = z.object({ title: hex32, description: hex32, location: hex32.nullable() });

/** A moderator's action on a proposal, with its public reason. */
const moderationAction = z.object({ editionId: id, proposalId: id, reason: z.string(), by: pseudonym });

export { WORK_STATUSES, type WorkStatus } from '../works/work-status';

const calendarDate = z.iso.date('use a date as YYYY-MM-DD');

/** A milestone of a work as the public log holds it: staff-written public text about the work, never about a person. */
export const workMilestoneSchema = z.object({ date: calendarDate, title: z.string(), description: z.string() });
export type WorkMilestone = z.infer<typeof workMilestoneSchema>;

export const ROLES = ['admin', 'reviewer', 'poll-officer', 'auditor', 'implementer', 'moderator'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/**
 * A ballot as stored. Its public form (publicEvent) leaves `sealed` out, so while voting is
 * open the export and every tree head carry only the commitment; the openings route
 * publishes `sealed` of each counted ballot once voting has closed.
 */
const ballotCast = z.object({
  editionId: id,
  voter: pseudonym,
  district: id,
  /** ballotCommitment(sealed.salt, sealed.selections). */
  commitment: hex32,
  channel: z.enum(CHANNELS),
  /** The booth where an assisted ballot was recorded; null online. Its shifts say which officers were there. */
  booth: id.nullable(),
  /** For an assisted ballot of someone born outside Nuevo León: the category of proof of residence seen. */
  residenceProof: z.enum(RESIDENCE_PROOFS).nullable(),
  sealed: z.object({ selections: z.array(id), salt: hex32 }),
});

// Version 1 of SupportGiven, before supports could be recorded at a booth: every one was online.
const supportGivenV1 = z.object({ editionId: id, voter: pseudonym, proposalId: id });

const editionDraftedV1 = z.object({
  editionId: id,
  title: z.string(),
  description: z.string(),
  districts: z.array(districtSchema),
  rules: editionRulesSchema,
  calendar: calendarSchema,
  createdBy: pseudonym,
});

export const eventSchemas = {
  /**
   * Version 2 adds `citywidePool` (null: none); a version 1 event, from before pools
   * existed, reads as it is, without the field, which means the same.
   */
  EditionDrafted: editionDraftedV1.extend({ citywidePool: citywidePoolSchema.nullable().optional() }),
  EditionPhaseAdvanced: z.object({
    editionId: id,
    from: phaseSchema,
    to: phaseSchema,
    /** The admin's pseudonym, or THE_CALENDAR when the calendar moved the edition on by itself. */
    by: pseudonym,
    /**
     * When voting opens: the proposals on each pool's ballot (by district id, and the
     * citywide pool's id) and their final costs, fixed for the whole vote.
     */
    ballot: z.record(z.string(), z.array(ballotEntrySchema)).optional(),
  }),
  /**
   * An admin changed what the phase still allowed (editions/editing.ts): only the fields that
   * changed; `districts`, `citywidePool` (null: taken away) and `rules` as a whole.
   */
  EditionEdited: z.object({
    editionId: id,
    title: z.string().optional(),
    description: z.string().optional(),
    districts: z.array(districtSchema).optional(),
    citywidePool: citywidePoolSchema.nullable().optional(),
    rules: editionRulesSchema.optional(),
    by: pseudonym,
  }),
  /** The edition's calendar as a whole (calendar.ts); `reason` is public, and required once voting has opened. */
  EditionCalendarSet: z.object({
    editionId: id,
    phases: z.array(calendarPhaseSchema),
    reason: z.string().nullable(),
    by: pseudonym,
  }),
  ProposalSubmitted: z.object({
    editionId: id,
    proposalId: id,
    /** The author's `author` pseudonym; their display name lives outside the log, erasable. */
    author: pseudonym,
    texts: proposalTexts,
    district: id,
    estimatedCost: pesos,
    category: z.string().nullable(),
  }),
  ProposalEdited: z.object({
    editionId: id,
    proposalId: id,
    /** Commitments to the texts the edit changed, only those. */
    texts: proposalTexts.partial(),
    district: id.optional(),
    estimatedCost: pesos.optional(),
    category: z.string().nullable().optional(),
  }),
  ProposalWithdrawn: z.object({ editionId: id, proposalId: id }),
  ProposalAssessed: z.object({
    editionId: id,
    proposalId: id,
    reviewer: pseudonym,
    feasible: z.boolean(),
    cost: pesos,
    reason: z.string(),
    technical: z.string().nullable(),
    legal: z.string().nullable(),
    financial: z.string().nullable(),
  }),
  SupportGiven: supportGivenV1.extend({
    /** Given online, or recorded in person by a poll officer at a booth (its shifts say who was there). */
    channel: z.enum(CHANNELS),
    booth: id.nullable(),
    /** For an assisted support of someone born outside Nuevo León: the category of proof of residence seen. */
    residenceProof: z.enum(RESIDENCE_PROOFS).nullable(),
  }),
  SupportWithdrawn: z.object({ editionId: id, voter: pseudonym, proposalId: id }),
  BallotCast: ballotCast.superRefine((ballot, context) => {
    if (ballot.commitment !== ballotCommitment(ballot.sealed.salt, ballot.sealed.selections)) {
      context.addIssue({ code: 'custom', path: ['commitment'], message: 'does not commit to the sealed selections' });
    }
  }),
  TallyComputed: z.object({
    editionId: id,
    counting: countingRulesSchema,
    /** Ballots (last per voter) counted: those recorded before voting closed. */
    ballots: z.number().int().nonnegative(),
    /** One tally per pool: each district, then the citywide pool (by its id) if the edition has one. */
    districts: z.array(districtTallySchema),
    /** The tree head signed when voting closed: the log whose ballots this tally counted. */
    treeHead: treeHeadRefSchema,
  }),
  /**
   * A signed tree head of the edition's log (stream `audit-<edition>`), recorded after the
   * phase change or tally it covers; `publicKey` lets the export alone verify it.
   */
  TreeHeadSigned: z.object({
    editionId: id,
    treeSize: z.number().int().nonnegative(),
    rootHash: hex32,
    timestamp: z.string(),
    reason: z.string(),
    keyId: z.string(),
    signature: z.string(),
    publicKey: hex32,
  }),
  /**
   * A resident reports a proposal to the moderators. The details they may add are personal
   * text, kept outside the log under `reportId`; the reporter is a `report` pseudonym.
   */
  ProposalReported: z.object({
    editionId: id,
    proposalId: id,
    reportId: id,
    reporter: pseudonym,
    reason: z.enum(REPORT_REASONS),
  }),
  /** A moderator takes a proposal out of lists and supports (never one on a ballot). */
  ProposalHidden: moderationAction,
  /** A moderator brings a hidden proposal back. */
  ProposalRestored: moderationAction,
  /** A moderator erased these texts of the proposal (every version recorded before this event). */
  ProposalRedacted: moderationAction.extend({ fields: z.array(proposalTextFieldSchema).min(1) }),
  /** A moderator closes the open reports on a proposal that needs no action. */
  ReportsDismissed: moderationAction,
  RoleGranted: z.object({ staff: pseudonym, role: roleSchema, by: pseudonym }),
  RoleRevoked: z.object({ staff: pseudonym, role: roleSchema, by: pseudonym }),
  /** A voting booth (mesa) where poll officers record assisted ballots, in one district, open in one window. */
  BoothDefined: z.object({
    editionId: id,
    boothId: id,
    name: z.string(),
    address: z.string(),
    district: id,
    opensAt: z.string(),
    closesAt: z.string(),
    by: pseudonym,
  }),
  /** A poll officer (staff pseudonym) may record at this booth from `from` to `to`. */
  ShiftAssigned: z.object({
    editionId: id,
    boothId: id,
    officer: pseudonym,
    from: z.string(),
    to: z.string(),
    by: pseudonym,
  }),
  /**
   * An implementer's update of a work (stream `work-<edition>-<proposal>`). A work is a
   * proposal the tally selected, and has that proposal's id; each field is what changed
   * (absent: unchanged). `reason` is public: why progress went back, why spending passed
   * the awarded budget, or why the work was cancelled (work-rules.ts).
   */
  WorkUpdated: z.object({
    editionId: id,
    workId: id,
    /** The implementer's staff pseudonym. */
    by: pseudonym,
    status: z.enum(WORK_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional(),
    spent: pesos.optional(),
    department: z.string().optional(),
    expectedEnd: calendarDate.optional(),
    milestone: workMilestoneSchema.optional(),
    reason: z.string().optional(),
  }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export type DomainEvent = { [T in EventType]: { type: T; data: EventPayload<T> } }[EventType];

/** Current schema version per event type. */
export const SCHEMA_VERSIONS: Record<EventType, number> = {
  EditionDrafted: 2,
  EditionPhaseAdvanced: 1,
  EditionEdited: 1,
  EditionCalendarSet: 1,
  ProposalSubmitted: 3,
  ProposalEdited: 2,
  ProposalWithdrawn: 1,
  ProposalAssessed: 1,
  SupportGiven: 2,
  SupportWithdrawn: 1,
  BallotCast: 2,
  TallyComputed: 1,
  TreeHeadSigned: 1,
  RoleGranted: 1,
  RoleRevoked: 1,
  BoothDefined: 1,
  ShiftAssigned: 1,
  ProposalReported: 1,
  ProposalHidden: 1,
  ProposalRestored: 1,
  ProposalRedacted: 1,
  ReportsDismissed: 1,
  WorkUpdated: 1,
};

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string[],
  ) {
    super(`invalid ${eventType} event: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}

/**
 * Versions dropped before any edition ran publicly, so they get no upcaster: the reader
 * refuses them and says why. A demo recorded with them starts again from an empty DATA_DIR.
 */
const RETIRED_VERSIONS: Partial<Record<EventType, Record<number, string>>> = {
  ProposalSubmitted: {
    1: 'version 1 put the author display name in the public log; this log predates version 2 and cannot be read (reset DATA_DIR of an old demo)',
    2: 'version 2 held the title, description and location in the log, where personal data posted by mistake could never be erased (texts live outside the log since version 3); this log predates version 3 and cannot be read (reset DATA_DIR of an old demo)',
  },
  ProposalEdited: {
    1: 'version 1 held the edited texts in the log (texts live outside the log since version 2); this log predates version 2 and cannot be read (reset DATA_DIR of an old demo)',
  },
  BallotCast: {
    1: 'version 1 held the selections in the clear (ballots are sealed since version 2); this log predates version 2 and cannot be read (reset DATA_DIR of an old demo)',
  },
};

/**
 * Earlier versions that still read: each is parsed with its own schema and brought to the
 * current shape. The stored payload is never rewritten, so every leaf hash stays the same.
 */
const UPCASTERS: Partial<Record<EventType, Record<number, { schema: z.ZodType; upcast: (data: never) => unknown }>>> = {
  SupportGiven: {
    1: {
      schema: supportGivenV1,
      upcast: (data: z.infer<typeof supportGivenV1>) => ({
        ...data,
        channel: 'online',
        booth: null,
        residenceProof: null,
      }),
    },
  },
};

/**
 * Earlier versions still read as they are, with their own schema: each is the current
 * shape without a field that later became optional, so its payload needs no upcaster and
 * its leaf hash (over the payload as stored) stays what it was.
 */
const EARLIER_VERSIONS: Partial<Record<EventType, Record<number, z.ZodType>>> = {
  EditionDrafted: { 1: editionDraftedV1 },
};

/** Validates an event's payload against its schema version; throws InvalidEventError. */
export function parseEvent(type: string, data: unknown, schemaVersion: number): DomainEvent {
  return parseWith(eventSchemas, type, data, schemaVersion) as DomainEvent;
}

/** An event's payload as the public export carries it: a ballot without its sealed selections. */
export type PublicEventPayload<T extends EventType> = T extends 'BallotCast'
  ? Omit<EventPayload<'BallotCast'>, 'sealed'>
  : EventPayload<T>;
export type PublicDomainEvent = { [T in EventType]: { type: T; data: PublicEventPayload<T> } }[EventType];

// Strict: a ballot whose public form still carries `sealed` (its selections) is refused, not silently stripped.
const publicEventSchemas = { ...eventSchemas, BallotCast: ballotCast.omit({ sealed: true }).strict() };

/** Validates an exported event's payload (the public form, see publicEvent); throws InvalidEventError. */
export function parsePublicEvent(type: string, data: unknown, schemaVersion: number): PublicDomainEvent {
  if (type === 'BallotCast' && schemaVersion === SCHEMA_VERSIONS.BallotCast && isPublicBallot(data)) {
    return { type: 'BallotCast', data } as PublicDomainEvent;
  }
  return parseWith(publicEventSchemas, type, data, schemaVersion) as PublicDomainEvent;
}

const HEX32 = /^[0-9a-f]{64}$/;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 200;
const isHex32 = (value: unknown): boolean => typeof value === 'string' && value.length === 64 && HEX32.test(value);

/**
 * A city's export is nearly all ballots: this checks the public BallotCast schema by hand,
 * several times cheaper than zod a million times. It answers true only for what the schema
 * accepts (exactly its seven keys, in the order the server writes them, each valid), so it
 * is never less strict; anything else, including a valid ballot with its keys in another
 * order, goes through the schema, which also words what is wrong.
 */
function isPublicBallot(data: unknown): data is PublicEventPayload<'BallotCast'> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  if (keys.length !== PUBLIC_BALLOT_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== PUBLIC_BALLOT_KEYS[i]) return false;
  const ballot = data as Record<string, unknown>;
  const { channel, booth, residenceProof } = ballot;
  return (
    isId(ballot['editionId']) &&
    isHex32(ballot['voter']) &&
    isId(ballot['district']) &&
    isHex32(ballot['commitment']) &&
    (CHANNELS as readonly unknown[]).includes(channel) &&
    (booth === null || isId(booth)) &&
    (residenceProof === null || (RESIDENCE_PROOFS as readonly unknown[]).includes(residenceProof))
  );
}

const PUBLIC_BALLOT_KEYS = Object.keys(ballotCast.omit({ sealed: true }).shape);

function parseWith(
  schemas: Record<EventType, z.ZodType>,
  type: string,
  data: unknown,
  schemaVersion: number,
): { type: EventType; data: unknown } {
  if (!isEventType(type)) throw new InvalidEventError(type, ['unknown event type']);
  const retired = RETIRED_VERSIONS[type]?.[schemaVersion];
  if (retired) throw new InvalidEventError(type, [`schemaVersion ${schemaVersion} is retired: ${retired}`]);
  const upcaster = UPCASTERS[type]?.[schemaVersion];
  const schema =
    schemaVersion === SCHEMA_VERSIONS[type]
      ? schemas[type]
      : (upcaster?.schema ?? EARLIER_VERSIONS[type]?.[schemaVersion]);
  if (schema === undefined) {
    throw new InvalidEventError(type, [`unsupported schemaVersion ${schemaVersion}`]);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new InvalidEventError(
      type,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return { type, data: upcaster ? upcaster.upcast(result.data as never) : result.data };
}
