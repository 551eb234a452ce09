import 'reflect-metadata';
import { loadConfig } from './config/config';
import { allProjections } from './app.projections';
import { GenerationalReadModelStore } from './projections/generations';
import { rebuildProjections } from './projections/rebuild';
import { useNativeSha256 } from './shared/native-sha256';
import { openStores } from './stores';

// `npm run rebuild-projections`: rebuilds every read model from the event log into fresh
// collections and switches to them when caught up; running backends follow by themselves.
async function main() {
  useNativeSha256();
  const stores = await openStores(loadConfig());
  try {
    if (!(stores.readModels instanceof GenerationalReadModelStore)) throw new Error('read models without generations');
    const { position, generations } = await rebuildProjections(stores.events, stores.readModels, allProjections);
    console.log(`rebuilt up to log position ${position}: ${JSON.stringify(Object.fromEntries(generations))}`);
  } finally {
    await stores.events.close();
    await stores.readModels.close();
  }
}

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
