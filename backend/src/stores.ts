import { join } from 'node:path';
import type { Config } from './config/config';
import type { EventStore } from './event-store/event-store.port';
import { openSqliteEventStore } from './event-store/sqlite';
import type { ReadModelStore } from './read-models/read-model.port';
import { openSqliteReadModelStore } from './read-models/sqlite';

export interface Stores {
  events: EventStore;
  readModels: ReadModelStore;
}

/** The embedded default: one SQLite file per store under DATA_DIR. */
export async function openStores(config: Pick<Config, 'dataDir'>): Promise<Stores> {
  const events = await openSqliteEventStore(join(config.dataDir, 'events.sqlite'));
  const readModels = await openSqliteReadModelStore(join(config.dataDir, 'read-models.sqlite'));
  return { events, readModels };
}
