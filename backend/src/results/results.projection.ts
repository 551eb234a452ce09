import type { DistrictTally, EditionRules } from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';

export interface ResultsDoc {
  id: string;
  counting: EditionRules['counting'];
  ballots: number;
  districts: DistrictTally[];
  computedAt: string;
  position: number;
}

export const RESULTS = 'results';

export const resultsProjection = projectionOf({
  name: 'results',
  collections: [RESULTS],
  eventTypes: ['TallyComputed'],
  async apply(event, store) {
    if (event.type !== 'TallyComputed') return;
    const { editionId, counting, ballots, districts } = event.data;
    await store
      .collection<ResultsDoc>(RESULTS)
      .upsert(
        editionId,
        { id: editionId, counting, ballots, districts, computedAt: event.recordedAt, position: event.position },
        { position: event.position },
      );
  },
});
