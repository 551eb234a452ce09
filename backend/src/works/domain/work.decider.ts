import {
  applyWorkUpdate,
  initialWorkProgress,
  workUpdateViolation,
  type EventPayload,
  type WorkProgress,
  type WorkUpdateFields,
} from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';

/**
 * A work's updates (stream `work-<edition>-<proposal>`). The work itself comes from the
 * tally (works.projection.ts): the command carries it, or null when there is none, which
 * is also the case for every proposal before the results are fixed.
 */
export type WorkEvent = { type: 'WorkUpdated'; data: EventPayload<'WorkUpdated'> };

export type WorkState = WorkProgress;

/** The work an update is for, as the tally made it. */
export interface WorkFacts {
  editionId: string;
  workId: string;
  awarded: number;
}

export interface UpdateWork {
  type: 'UpdateWork';
  /** Null when the id names no work. */
  work: WorkFacts | null;
  workId: string;
  update: WorkUpdateFields;
  /** The implementer's staff pseudonym. */
  by: string;
}

export const workDecider: Decider<UpdateWork, WorkEvent, WorkState> = {
  initialState: () => initialWorkProgress,

  decide({ work, workId, update, by }, state) {
    if (!work) throw new DomainError('NOT_FOUND', { what: 'work', id: workId });
    const violation = workUpdateViolation(state, update, work.awarded);
    if (violation) throw new DomainError(violation.code, violation.params);
    return [{ type: 'WorkUpdated', data: { editionId: work.editionId, workId: work.workId, by, ...update } }];
  },

  evolve(state, event) {
    const { editionId: _editionId, workId: _workId, by: _by, ...update } = event.data;
    return applyWorkUpdate(state, update);
  },
};
