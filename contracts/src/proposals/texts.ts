import { z } from 'zod';

/**
 * The text a resident writes in a proposal. It may hold personal data posted by mistake (a
 * phone number, an address), so it lives outside the immutable log: the events carry a
 * salted commitment to each field, and the texts with their salts are published beside the
 * export (GET /api/processes/:id/audit/texts), where a moderator's redaction can erase one
 * without touching a leaf of the tree.
 */
export const PROPOSAL_TEXT_FIELDS = ['title', 'description', 'location'] as const;
export type ProposalTextField = (typeof PROPOSAL_TEXT_FIELDS)[number];
export const proposalTextFieldSchema = z.enum(PROPOSAL_TEXT_FIELDS);

/** What every public route shows in place of a redacted text (read models, results, pabulib). */
export const REDACTED_TEXT = '[texto eliminado por moderación]';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '32 bytes of lower-case hex');
const id = z.string().min(1).max(200);

/**
 * One line of texts.jsonl (GET /api/processes/:id/audit/texts), one per commitment in the
 * log, in log order: the event that recorded the commitment, and the text with its salt or,
 * once a moderator redacted it, the public reason instead (the ProposalRedacted event in
 * the log is what `verify` believes). A line whose event is not in an export is newer than it.
 */
const textLineHead = { proposalId: id, field: proposalTextFieldSchema, event: id, commitment: hex32 };
export const textLineSchema = z.union([
  z.object({ ...textLineHead, text: z.string(), salt: hex32 }).strict(),
  z.object({ ...textLineHead, redacted: z.object({ reason: z.string() }).strict() }).strict(),
]);
export type TextLine = z.infer<typeof textLineSchema>;

/** Why a resident reports a proposal: a fixed list, so reports can be counted and sorted. */
export const REPORT_REASONS = ['personal-data', 'offensive', 'spam', 'not-a-proposal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
