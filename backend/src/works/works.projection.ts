import {
  applyWorkUpdate,
  initialWorkProgress,
  type BallotEntry,
  type WorkMilestone,
  type WorkStatus,
} from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';

/** A work: a proposal the tally selected, with its awarded budget and where it stands now. */
export interface WorkDoc {
  /** The selected proposal's id. */
  id: string;
  editionId: string;
  district: string;
  /** The proposal's cost on the ballot it won (its assessed cost). */
  awarded: number;
  status: WorkStatus;
  progress: number;
  spent: number;
  department: string | null;
  expectedEnd: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string | null;
  updates: number;
  position: number;
}

/** One update of a work, as its timeline shows it (the event's id names it). */
export interface WorkUpdateDoc {
  id: string;
  workId: string;
  editionId: string;
  at: string;
  position: number;
  status: WorkStatus | null;
  progress: number | null;
  spent: number | null;
  department: string | null;
  expectedEnd: string | null;
  milestone: WorkMilestone | null;
  reason: string | null;
}

/** Per edition, the ballot voting opened with: the costs that become the awarded budgets. */
interface WorkBallotDoc {
  id: string;
  ballot: Record<string, BallotEntry[]>;
}

export const WORKS = 'works';
export const WORK_UPDATES = 'work-updates';
const WORK_BALLOTS = 'work-ballots';

/**
 * Works follow from the log alone: when the tally fixes the results, every selected
 * proposal becomes a work with its ballot cost as the awarded budget, so no reactor appends
 * anything and a rebuild derives the same works. Each WorkUpdated then moves its work on.
 */
export const worksProjection = projectionOf({
  name: 'works',
  collections: [WORKS, WORK_UPDATES, WORK_BALLOTS],
  eventTypes: ['EditionPhaseAdvanced', 'TallyComputed', 'WorkUpdated'],
  async apply(event, store) {
    if (event.type === 'EditionPhaseAdvanced' && event.data.ballot) {
      const { editionId, ballot } = event.data;
      await store
        .collection<WorkBallotDoc>(WORK_BALLOTS)
        .upsert(editionId, { id: editionId, ballot }, { position: event.position });
    } else if (event.type === 'TallyComputed') {
      const { editionId, districts } = event.data;
      const ballot = (await store.collection<WorkBallotDoc>(WORK_BALLOTS).get(editionId))?.ballot ?? {};
      const works = store.collection<WorkDoc>(WORKS);
      for (const district of districts) {
        for (const proposalId of district.selected) {
          const awarded = ballot[district.id]?.find((entry) => entry.proposalId === proposalId)?.cost ?? 0;
          await works.upsert(
            proposalId,
            {
              id: proposalId,
              editionId,
              district: district.id,
              awarded,
              ...initialWorkProgress,
              department: null,
              expectedEnd: null,
              reason: null,
              createdAt: event.recordedAt,
              updatedAt: null,
              updates: 0,
              position: event.position,
            },
            { position: event.position },
          );
        }
      }
    } else if (event.type === 'WorkUpdated') {
      const { workId, editionId, by: _by, ...update } = event.data;
      const works = store.collection<WorkDoc>(WORKS);
      const work = await works.get(workId);
      if (!work || work.position >= event.position) return;
      await store.collection<WorkUpdateDoc>(WORK_UPDATES).upsert(
        event.id,
        {
          id: event.id,
          workId,
          editionId,
          at: event.recordedAt,
          position: event.position,
          status: update.status ?? null,
          progress: update.progress ?? null,
          spent: update.spent ?? null,
          department: update.department ?? null,
          expectedEnd: update.expectedEnd ?? null,
          milestone: update.milestone ?? null,
          reason: update.reason ?? null,
        },
        { position: event.position },
      );
      await works.upsert(
        workId,
        {
          ...work,
          ...applyWorkUpdate(work, update),
          department: update.department ?? work.department,
          expectedEnd: update.expectedEnd ?? work.expectedEnd,
          reason: update.reason ?? work.reason,
          updatedAt: event.recordedAt,
          updates: work.updates + 1,
          position: event.position,
        },
        { position: event.position },
      );
    }
  },
});
