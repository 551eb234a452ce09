import { z } from 'zod';
import { WORK_STATUSES } from '../works/work-status';
import { longText, shortText } from './text';

/** Request and answer bodies of the works routes (API.md, "Works"): the winners as they are built. */

const pesos = z.number().int('money is a whole number of pesos').nonnegative();
const calendarDate = z.iso.date('use a date as YYYY-MM-DD');

export const workStatusSchema = z.enum(WORK_STATUSES);

export const workMilestoneRequest = z
  .object({ date: calendarDate, title: shortText(3, 150), description: longText(0, 2_000).default('') })
  .strict();

/**
 * POST /api/works/:id/updates: what changed, at least one field besides `reason`. The
 * reason is public; the rules say when one is needed (going back in progress, spending
 * beyond the awarded budget, cancelling).
 */
export const workUpdateRequest = z
  .object({
    status: workStatusSchema.optional(),
    progress: z.number().int('progress is a whole per cent').min(0).max(100).optional(),
    spent: pesos.optional(),
    department: shortText(2, 200).optional(),
    expectedEnd: calendarDate.optional(),
    milestone: workMilestoneRequest.optional(),
    reason: longText(5, 2_000).optional(),
  })
  .strict()
  .refine((u) => Object.entries(u).some(([field, value]) => field !== 'reason' && value !== undefined), {
    message: 'send at least one of status, progress, spent, department, expectedEnd or milestone',
  });
export type WorkUpdateRequest = z.input<typeof workUpdateRequest>;

export const workMilestoneView = z.object({ date: z.string(), title: z.string(), description: z.string() });

/** A work as lists and open data show it: one per selected proposal, its id the proposal's. */
export const workView = z.object({
  id: z.string(),
  editionId: z.string(),
  /** The selected proposal's title as it reads now. */
  title: z.string(),
  /** The district the proposal won in, or the citywide pool's id. */
  district: z.string(),
  districtName: z.string(),
  /** The awarded budget: the proposal's assessed cost, on the ballot it won. */
  awarded: z.number(),
  spent: z.number(),
  progress: z.number(),
  status: workStatusSchema,
  department: z.string().nullable(),
  expectedEnd: z.string().nullable(),
  /** The public reason of the last update that gave one (a cancellation's, for a cancelled work). */
  reason: z.string().nullable(),
  /** When the results made it a work, and when it was last updated (null: never). */
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type WorkView = z.infer<typeof workView>;

export const workList = z.object({ editionId: z.string(), items: z.array(workView) });
export type WorkList = z.infer<typeof workList>;

/** One update as the timeline shows it: what it changed, when, and its public reason. */
export const workTimelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  status: workStatusSchema.nullable(),
  progress: z.number().nullable(),
  spent: z.number().nullable(),
  department: z.string().nullable(),
  expectedEnd: z.string().nullable(),
  milestone: workMilestoneView.nullable(),
  reason: z.string().nullable(),
});
export type WorkTimelineEntry = z.infer<typeof workTimelineEntry>;

/** GET /api/works/:id: the work, its updates oldest first, and its milestones by date. */
export const workDetail = workView.extend({
  timeline: z.array(workTimelineEntry),
  milestones: z.array(workMilestoneView),
});
export type WorkDetail = z.infer<typeof workDetail>;

/** The columns of works.csv, in order; works.json has the same fields per work. */
export const WORK_OPEN_DATA_COLUMNS = [
  'id',
  'editionId',
  'title',
  'district',
  'districtName',
  'status',
  'progress',
  'awarded',
  'spent',
  'department',
  'expectedEnd',
  'reason',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof WorkView)[];

export const workOpenData = z.object({ editionId: z.string(), works: z.array(workView) });
