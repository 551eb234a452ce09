import { z } from 'zod';
import { PROPOSAL_TEXT_FIELDS, REPORT_REASONS } from '../proposals/texts';
import { proposalView } from './schemas';
import { longText } from './text';

// Request and answer bodies of moderation (API.md "Notifications, personal data, moderation"),
// apart from schemas.ts so that only the screens that use them load them.

/** POST /api/proposals/:id/reports: why (from a fixed list) and, optionally, what the moderators should see. */
export const reportRequest = z
  .object({ reason: z.enum(REPORT_REASONS), details: longText(1, 2_000).nullable().optional() })
  .strict();
export type ReportRequest = z.input<typeof reportRequest>;

/** POST /api/proposals/:id/hide and /restore: the public reason. */
export const moderationRequest = z.object({ reason: longText(5, 1_000) }).strict();
export type ModerationRequest = z.input<typeof moderationRequest>;

/** POST /api/proposals/:id/redact: the texts to erase and the public reason. */
export const redactRequest = z
  .object({
    fields: z
      .array(z.enum(PROPOSAL_TEXT_FIELDS))
      .min(1)
      .max(PROPOSAL_TEXT_FIELDS.length)
      .refine((fields) => new Set(fields).size === fields.length, { message: 'name each field once' }),
    reason: longText(5, 1_000),
  })
  .strict();
export type RedactRequest = z.input<typeof redactRequest>;

/** A resident's report as moderators see it (the details are personal text, outside the log). */
export const reportView = z.object({
  id: z.string(),
  reason: z.enum(REPORT_REASONS),
  details: z.string().nullable(),
  at: z.string(),
});

/** GET /api/processes/:id/moderation-queue: proposals with open reports, and hidden ones, oldest report first. */
export const moderationQueue = z.object({
  items: z.array(z.object({ proposal: proposalView, reports: z.array(reportView) })),
  total: z.number(),
});
export type ModerationQueue = z.infer<typeof moderationQueue>;
