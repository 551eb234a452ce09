import { projectionOf } from '../projections/projection';

/** A booth as the public list shows it. */
export interface BoothDoc {
  id: string;
  editionId: string;
  name: string;
  address: string;
  district: string;
  opensAt: string;
  closesAt: string;
}

/** One shift, found by officer (an officer's own shifts) or by booth. */
export interface ShiftDoc {
  id: string;
  editionId: string;
  boothId: string;
  officer: string;
  from: string;
  to: string;
}

export const BOOTHS = 'booths';
export const SHIFTS = 'booth-shifts';

export const boothsProjection = projectionOf({
  name: 'booths',
  collections: [BOOTHS, SHIFTS],
  eventTypes: ['BoothDefined', 'ShiftAssigned'],
  async apply(event, store) {
    if (event.type === 'BoothDefined') {
      const { editionId, boothId, name, address, district, opensAt, closesAt } = event.data;
      await store
        .collection<BoothDoc>(BOOTHS)
        .upsert(
          boothId,
          { id: boothId, editionId, name, address, district, opensAt, closesAt },
          { position: event.position },
        );
    } else if (event.type === 'ShiftAssigned') {
      const { editionId, boothId, officer, from, to } = event.data;
      // The event id names the shift: replaying the event writes the same document.
      await store
        .collection<ShiftDoc>(SHIFTS)
        .upsert(event.id, { id: event.id, editionId, boothId, officer, from, to }, { position: event.position });
    }
  },
});
