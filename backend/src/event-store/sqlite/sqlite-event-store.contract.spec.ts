import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../event-store.contract';
import { openSqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SQLite', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'decidimos-events-'));
  const file = join(directory, 'events.sqlite');
  const store = await openSqliteEventStore(file);
  return {
    store,
    openAgain: () => openSqliteEventStore(file),
    cleanup: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
