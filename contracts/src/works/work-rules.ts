import type { EventPayload } from '../events/catalog';
import type { WorkStatus } from './work-status';

/**
 * The rules of a work's updates, shared by the backend's decider (which refuses an update
 * that breaks one) and by `verify` (which finds one in a published log).
 */
export interface WorkProgress {
  status: WorkStatus;
  /** Per cent, 0–100. */
  progress: number;
  /** Pesos spent so far. */
  spent: number;
}

/** Every work starts planned, with nothing done and nothing spent. */
export const initialWorkProgress: WorkProgress = { status: 'planned', progress: 0, spent: 0 };

/** What an update may change, as the WorkUpdated event records it. */
export type WorkUpdateFields = Omit<EventPayload<'WorkUpdated'>, 'editionId' | 'workId' | 'by'>;

export type WorkRuleCode =
  | 'WORK_CLOSED'
  | 'CANCEL_NEEDS_REASON'
  | 'PROGRESS_DECREASE_NEEDS_REASON'
  | 'FINISHED_NEEDS_FULL_PROGRESS'
  | 'OVERSPEND_NEEDS_REASON';

export interface WorkRuleViolation {
  code: WorkRuleCode;
  params: Record<string, string | number>;
}

/** A finished or cancelled work takes no more updates. */
export function isClosed(status: WorkStatus): boolean {
  return status === 'finished' || status === 'cancelled';
}

/** The first rule this update breaks on a work with `awarded` pesos, or null. */
export function workUpdateViolation(
  current: WorkProgress,
  update: WorkUpdateFields,
  awarded: number,
): WorkRuleViolation | null {
  if (isClosed(current.status)) return { code: 'WORK_CLOSED', params: { status: current.status } };
  const reasoned = update.reason !== undefined && update.reason.trim() !== '';
  if (update.status === 'cancelled' && !reasoned) return { code: 'CANCEL_NEEDS_REASON', params: {} };
  if (update.progress !== undefined && update.progress < current.progress && !reasoned) {
    return { code: 'PROGRESS_DECREASE_NEEDS_REASON', params: { from: current.progress, to: update.progress } };
  }
  const progress = update.progress ?? current.progress;
  if (update.status === 'finished' && progress !== 100) {
    return { code: 'FINISHED_NEEDS_FULL_PROGRESS', params: { progress } };
  }
  if (update.spent !== undefined && update.spent > awarded && !reasoned) {
    return { code: 'OVERSPEND_NEEDS_REASON', params: { spent: update.spent, awarded } };
  }
  return null;
}

/** The work after an update (one that broke no rule). */
export function applyWorkUpdate(current: WorkProgress, update: WorkUpdateFields): WorkProgress {
  return {
    status: update.status ?? current.status,
    progress: update.progress ?? current.progress,
    spent: update.spent ?? current.spent,
  };
}
