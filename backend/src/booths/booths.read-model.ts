import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { BOOTHS, SHIFTS, type BoothDoc, type ShiftDoc } from './booths.projection';

// An edition has a handful of booths per district and an officer a handful of shifts: one page holds them.
const ALL = 10_000;

@Injectable()
export class BoothsReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /** An edition's booths by district, then name. */
  async ofEdition(editionId: string): Promise<BoothDoc[]> {
    const page = await this.store.collection<BoothDoc>(BOOTHS).find({
      filter: { editionId },
      sort: [
        { field: 'district', direction: 'asc' },
        { field: 'name', direction: 'asc' },
      ],
      limit: ALL,
    });
    return page.items;
  }

  get(boothId: string): Promise<BoothDoc | null> {
    return this.store.collection<BoothDoc>(BOOTHS).get(boothId);
  }

  /** An officer's shifts (by staff pseudonym), soonest first. */
  async shiftsOf(officer: string): Promise<ShiftDoc[]> {
    const page = await this.store
      .collection<ShiftDoc>(SHIFTS)
      .find({ filter: { officer }, sort: [{ field: 'from', direction: 'asc' }], limit: ALL });
    return page.items;
  }
}
