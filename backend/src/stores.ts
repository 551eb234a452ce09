import { join } from 'node:path';
import type { Config } from './config/config';
import type { EventStore } from './event-store/event-store.port';
import { openSqliteEventStore } from './event-store/sqlite';
import { allProjections } from './app.projections';
import { GenerationalReadModelStore } from './projections/generations';
import type { ReadModelStore } from './read-models/read-model.port';
import { openSqliteReadModelStore } from './read-models/sqlite';

export interface Stores {
  events: EventStore;
  readModels: ReadModelStore;
}

/**
 * The event log in KurrentDB when EVENTSTORE_URL is set, the read models in MongoDB when
 * MONGODB_URL is set, and otherwise the embedded default: one SQLite file per store under
 * DATA_DIR. Each production store is reached before this returns, so a wrong or
 * unreachable setting stops the start-up with an error naming it. The read models are
 * wrapped in generations, so a rebuild can replace them while the service runs.
 */
export async function openStores(config: Pick<Config, 'dataDir' | 'eventStoreUrl' | 'mongoDbUrl'>): Promise<Stores> {
  // The production stores' clients (gRPC, the MongoDB driver) are loaded only when configured.
  const events = config.eventStoreUrl
    ? await (
        await import('./event-store/kurrentdb/kurrentdb-event-store.js')
      ).openKurrentDbEventStore(config.eventStoreUrl)
    : await openSqliteEventStore(join(config.dataDir, 'events.sqlite'));
  try {
    const readModels = config.mongoDbUrl
      ? await (await import('./read-models/mongodb/index.js')).openMongoDbReadModelStore(config.mongoDbUrl)
      : await openSqliteReadModelStore(join(config.dataDir, 'read-models.sqlite'));
    return { events, readModels: new GenerationalReadModelStore(readModels, allProjections) };
  } catch (error) {
    await events.close();
    throw error;
  }
}
