import type { BallotEntry, Calendar, CitywidePool, District, EditionRules, Phase } from '@decidimos/contracts';
import type { Projection } from '../projections/projection';

export interface EditionDoc {
  id: string;
  title: string;
  description: string;
  phase: Phase;
  districts: District[];
  /** Absent in documents projected before pools existed: none. */
  citywidePool?: CitywidePool | null;
  rules: EditionRules;
  calendar: Calendar;
  phaseHistory: { phase: Phase; at: string; position: number }[];
  ballot: Record<string, BallotEntry[]> | null;
  createdAt: string;
}

export const EDITIONS = 'editions';

export const editionsProjection: Projection = {
  name: 'editions',
  collections: [EDITIONS],
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
          calendar,
          phaseHistory: [{ phase: 'draft', at: event.recordedAt, position: event.position }],
          ballot: null,
          createdAt: event.recordedAt,
        },
        { position: event.position },
      );
    }
    if (event.type === 'EditionPhaseAdvanced') {
      const doc = await editions.get(event.data.editionId);
      if (!doc) return;
      await editions.upsert(
        doc.id,
        {
          ...doc,
          phase: event.data.to,
          phaseHistory: [...doc.phaseHistory, { phase: event.data.to, at: event.recordedAt, position: event.position }],
          ballot: event.data.ballot ?? doc.ballot,
        },
        { position: event.position },
      );
    }
  },
};
