/**
 * What a work (a selected proposal being built) can be doing, in the words of API.md. No
 * zod here: the SPA's works dashboard bundles this module alone.
 */
export const WORK_STATUSES = ['planned', 'design', 'tendering', 'in_progress', 'finished', 'cancelled'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
