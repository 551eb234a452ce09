import { Inject, Injectable } from '@nestjs/common';
import { nextPhase, UNDER_WAY_PHASES, type EditionView } from '@decidimos/contracts';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { EDITIONS, type EditionDoc } from './editions.projection';

export function toEditionView(doc: EditionDoc, now: Date): EditionView {
  const next = nextPhase(doc.phase, doc.rules);
  const plannedNext = next ? doc.calendar[next] : undefined;
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    phase: doc.phase,
    districts: doc.districts,
    citywidePool: doc.citywidePool ?? null,
    rules: doc.rules,
    calendar: doc.calendar,
    phaseHistory: doc.phaseHistory.map(({ phase, at }) => ({ phase, at })),
    // The calendar never moves a phase by itself; it only tells admins they are late.
    overdue: plannedNext !== undefined && Date.parse(plannedNext) < now.getTime(),
    createdAt: doc.createdAt,
  };
}

@Injectable()
export class EditionsReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  private get editions() {
    return this.store.collection<EditionDoc>(EDITIONS);
  }

  async get(id: string): Promise<EditionDoc | null> {
    return this.editions.get(id);
  }

  async require(id: string): Promise<EditionDoc> {
    const doc = await this.get(id);
    if (!doc) throw new DomainError('NOT_FOUND', { what: 'edition', id });
    return doc;
  }

  async list(): Promise<EditionDoc[]> {
    return (await this.editions.find({ sort: [{ field: 'createdAt', direction: 'desc' }], limit: 200 })).items;
  }

  /** The newest edition that is not closed: what residents see first. */
  async current(): Promise<EditionDoc | null> {
    const open = await this.editions.find({
      filter: { phase: { in: [...UNDER_WAY_PHASES] } },
      sort: [{ field: 'createdAt', direction: 'desc' }],
      limit: 1,
    });
    return open.items[0] ?? null;
  }
}
