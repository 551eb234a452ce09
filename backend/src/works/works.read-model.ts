import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { WORK_UPDATES, WORKS, type WorkDoc, type WorkUpdateDoc } from './works.projection';

// An edition selects tens of proposals, and a work has tens of updates over its life: one page holds them.
const ALL = 10_000;

/** The works of each edition (one per selected proposal, from the tally on) and their updates. */
@Injectable()
export class WorksReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /**
   * A work by id (the selected proposal's id), or null: no such proposal, not selected, or
   * no tally yet. The public routes also hide works until the results are published.
   */
  get(workId: string): Promise<WorkDoc | null> {
    return this.store.collection<WorkDoc>(WORKS).get(workId);
  }

  /** A work by id; 404 NOT_FOUND when there is none. */
  async require(workId: string): Promise<WorkDoc> {
    const work = await this.get(workId);
    if (!work) throw new DomainError('NOT_FOUND', { what: 'work', id: workId });
    return work;
  }

  /** An edition's works by district, then id. */
  async ofEdition(editionId: string): Promise<WorkDoc[]> {
    const page = await this.store.collection<WorkDoc>(WORKS).find({
      filter: { editionId },
      sort: [
        { field: 'district', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ],
      limit: ALL,
    });
    return page.items;
  }

  /** A work's updates, oldest first. */
  async updatesOf(workId: string): Promise<WorkUpdateDoc[]> {
    const page = await this.store
      .collection<WorkUpdateDoc>(WORK_UPDATES)
      .find({ filter: { workId }, sort: [{ field: 'position', direction: 'asc' }], limit: ALL });
    return page.items;
  }
}
