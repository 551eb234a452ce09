import { z } from 'zod';
import { WORK_STATUSES } from '../events/catalog';
import { PROPOSAL_STATUSES } from './schemas';
import { LANGUAGES } from './languages';

/**
 * What a resident can be told, each a kind they opt in to per channel:
 * - `my-proposal`: my proposal was assessed (with the reason), and whether it reached the ballot;
 * - `followed-proposal`: the status of a proposal I follow changed;
 * - `voting`: voting opened in my district, and a reminder a day before it closes if I have not voted;
 * - `my-ballot`: my ballot was recorded (with the receipt) or replaced (a security notice);
 * - `followed-work`: a work I follow was updated.
 */
export const NOTIFICATION_KINDS = ['my-proposal', 'followed-proposal', 'voting', 'my-ballot', 'followed-work'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What happened, within a kind: it chooses the words of the message. */
export const NOTIFICATION_SUBJECTS = [
  'proposal-assessed',
  'proposal-ballot',
  'proposal-status',
  'voting-opened',
  'voting-reminder',
  'ballot-recorded',
  'ballot-replaced',
  'work-updated',
] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'inApp'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const kinds = z
  .array(z.enum(NOTIFICATION_KINDS))
  .max(NOTIFICATION_KINDS.length)
  .refine((list) => new Set(list).size === list.length, 'each kind at most once');

/** PUT /api/me/notification-settings: the kinds I want on each channel, and the language of my messages. */
export const notificationSettingsRequest = z
  .object({
    email: z.object({ kinds }).strict(),
    inApp: z.object({ kinds }).strict(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type NotificationSettingsRequest = z.input<typeof notificationSettingsRequest>;

export const notificationSettings = z.object({
  email: z.object({ kinds: z.array(z.enum(NOTIFICATION_KINDS)) }),
  inApp: z.object({ kinds: z.array(z.enum(NOTIFICATION_KINDS)) }),
  language: z.enum(LANGUAGES),
  /** Where e-mail goes: the address iD Digital Mty+ gave at my last login; null when it gave none. */
  emailAddress: z.string().nullable(),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

/** Facts a message is built from: ids, statuses, titles already public in the log; never a selection. */
export const notificationParams = z.object({
  editionId: z.string(),
  editionTitle: z.string().optional(),
  proposalId: z.string().optional(),
  proposalTitle: z.string().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  feasible: z.boolean().optional(),
  reason: z.string().optional(),
  receipt: z.string().optional(),
  channel: z.enum(['online', 'assisted']).optional(),
  votingEndsAt: z.string().optional(),
  workId: z.string().optional(),
  workStatus: z.enum(WORK_STATUSES).optional(),
  progress: z.number().optional(),
  milestoneTitle: z.string().optional(),
});
export type NotificationParams = z.infer<typeof notificationParams>;

export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.enum(NOTIFICATION_SUBJECTS),
  params: notificationParams,
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

export const notificationsAnswer = z.object({ items: z.array(notification), unread: z.number().int().nonnegative() });
export type NotificationsAnswer = z.infer<typeof notificationsAnswer>;

/** POST /api/me/notifications/read: these, or all of mine. */
export const markReadRequest = z.union([
  z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadRequest = z.input<typeof markReadRequest>;
export const markReadAnswer = z.object({ unread: z.number().int().nonnegative() });

export const followAnswer = z.object({ id: z.string(), following: z.boolean() });
export type FollowAnswer = z.infer<typeof followAnswer>;

/** GET /api/me/follows: what I follow, by id. */
export const followsAnswer = z.object({ proposals: z.array(z.string()), works: z.array(z.string()) });
export type FollowsAnswer = z.infer<typeof followsAnswer>;

/** The unsubscribe link's body (RFC 8058 one-click, or the web page's button). */
export const unsubscribeAnswer = z.object({ kind: z.enum(NOTIFICATION_KINDS), unsubscribed: z.literal(true) });
export type UnsubscribeAnswer = z.infer<typeof unsubscribeAnswer>;

/** GET /api/me/activity?edition=: my part in one edition; how I voted stays out unless I open my receipt. */
export const activityQuery = z.object({ edition: z.string().min(1).max(200) }).strict();
export const activityAnswer = z.object({
  editionId: z.string(),
  proposals: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(PROPOSAL_STATUSES) })),
  supports: z.array(z.object({ id: z.string(), title: z.string() })),
  ballot: z
    .object({ channel: z.enum(['online', 'assisted']), castAt: z.string(), booth: z.string().nullable() })
    .nullable(),
  follows: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(PROPOSAL_STATUSES) })),
  /** The works I follow (of any edition), with their status and progress. */
  followedWorks: z.array(
    z.object({
      id: z.string(),
      editionId: z.string(),
      title: z.string(),
      status: z.enum(WORK_STATUSES),
      progress: z.number(),
    }),
  ),
  settings: notificationSettings,
});
export type ActivityAnswer = z.infer<typeof activityAnswer>;
