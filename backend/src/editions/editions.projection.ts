import {
  windowsOfPlannedStarts,
  type BallotEntry,
  type CalendarPhase,
  type CitywidePool,
  type District,
  type EditionRules,
  type Phase,
} from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';

export interface EditionDoc {
  id: string;
  title: string;
  description: string;
  phase: Phase;
  districts: District[];
  /** Absent in documents projected before pools existed: none. */
  citywidePool?: CitywidePool | null;
  rules: EditionRules;
  calendar: CalendarPhase[];
  /** The public reason of the calendar's last move, if it gave one. */
  calendarReason: string | null;
  phaseHistory: { phase: Phase; at: string; position: number }[];
  ballot: Record<string, BallotEntry[]> | null;
  createdAt: string;
}

export const EDITIONS = 'editions';

export const editionsProjection = projectionOf({
  name: 'editions',
  collections: [EDITIONS],
  eventTypes: ['EditionDrafted', 'EditionPhaseAdvanced', 'EditionEdited', 'EditionCalendarSet'],
  async apply(event, store) {
    const editions = store.collection<EditionDoc>(EDITIONS);
    if (event.type === 'EditionDrafted') {
      const { editionId, title, description, districts, citywidePool, rules, calendar } = event.data;
      await editions.upsert(
        editionId,
        {
          id: editionId,
          title,
          description,
          phase: 'draft',
          districts,
          citywidePool: citywidePool ?? null,
          rules,
          calendar: windowsOfPlannedStarts(calendar),
          calendarReason: null,
          phaseHistory: [{ phase: 'draft', at: event.recordedAt, position: event.position }],
          ballot: null,
          createdAt: event.recordedAt,
        },
        { position: event.position },
      );
      return;
    }
    if (
      event.type !== 'EditionPhaseAdvanced' &&
      event.type !== 'EditionEdited' &&
      event.type !== 'EditionCalendarSet'
    ) {
      return;
    }
    const doc = await editions.get(event.data.editionId);
    if (!doc) return;
    const position = { position: event.position };
    if (event.type === 'EditionPhaseAdvanced') {
      await editions.upsert(
        doc.id,
        {
          ...doc,
          phase: event.data.to,
          phaseHistory: [...doc.phaseHistory, { phase: event.data.to, at: event.recordedAt, position: event.position }],
          ballot: event.data.ballot ?? doc.ballot,
        },
        position,
      );
    } else if (event.type === 'EditionEdited') {
      const { editionId: _id, by: _by, ...changed } = event.data;
      await editions.upsert(doc.id, { ...doc, ...changed }, position);
    } else {
      await editions.upsert(
        doc.id,
        { ...doc, calendar: event.data.phases, calendarReason: event.data.reason },
        position,
      );
    }
  },
});
