import { Inject, Injectable } from '@nestjs/common';
import {
  plannedStarts,
  scheduledEnd,
  UNDER_WAY_PHASES,
  windowsOfPlannedStarts,
  type Calendar,
  type EditionView,
} from '@decidimos/contracts';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { EDITIONS, type EditionDoc } from './editions.projection';

export function toEditionView(doc: EditionDoc): EditionView {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    phase: doc.phase,
    districts: doc.districts,
    citywidePool: doc.citywidePool ?? null,
    rules: doc.rules,
    calendar: plannedStarts(doc.calendar, doc.rules),
    calendarPhases: doc.calendar,
    calendarReason: doc.calendarReason,
    phaseHistory: doc.phaseHistory.map(({ phase, at }) => ({ phase, at })),
    phaseEndsAt: scheduledEnd(doc.phase, doc.calendar, doc.rules),
    createdAt: doc.createdAt,
  };
}

/**
 * A document projected before calendars had windows holds the planned starts (a map) and
 * no reason: read as windows, so an upgrade needs no rebuild of the read models.
 */
function withWindows(doc: EditionDoc | null): EditionDoc | null {
  if (!doc || Array.isArray(doc.calendar)) return doc;
  return {
    ...doc,
    calendar: windowsOfPlannedStarts(doc.calendar as Calendar),
    calendarReason: doc.calendarReason ?? null,
  };
}

@Injectable()
export class EditionsReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  private get editions() {
    return this.store.collection<EditionDoc>(EDITIONS);
  }

  async get(id: string): Promise<EditionDoc | null> {
    return withWindows(await this.editions.get(id));
  }

  async require(id: string): Promise<EditionDoc> {
    const doc = await this.get(id);
    if (!doc) throw new DomainError('NOT_FOUND', { what: 'edition', id });
    return doc;
  }

  async list(): Promise<EditionDoc[]> {
    const { items } = await this.editions.find({ sort: [{ field: 'createdAt', direction: 'desc' }], limit: 200 });
    return items.map((doc) => withWindows(doc)!);
  }

  /** The newest edition that is not closed: what residents see first. */
  async current(): Promise<EditionDoc | null> {
    const open = await this.editions.find({
      filter: { phase: { in: [...UNDER_WAY_PHASES] } },
      sort: [{ field: 'createdAt', direction: 'desc' }],
      limit: 1,
    });
    return withWindows(open.items[0] ?? null);
  }
}
