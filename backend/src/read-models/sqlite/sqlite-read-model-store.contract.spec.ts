import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadModelContract } from '../read-model.contract';
import { openSqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelContract('SQLite', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'decidimos-read-models-'));
  const file = join(directory, 'read-models.sqlite');
  const store = await openSqliteReadModelStore(file);
  return {
    store,
    openAgain: () => openSqliteReadModelStore(file),
    cleanup: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
