import 'reflect-metadata';
import { loadConfig } from './config/config';
import { allProjections } from './projections/all-projections';
<<<<<<< HEAD
import { ProjectionRunner } from './projections/projection-runner';
import { openStores } from './stores';

/**
 * `npm run rebuild-projections`: clears every read model and replays the whole event log
 * into it from position 0. Run it with the backend stopped; sessions are not read models
 * and survive it.
 */
async function main() {
  const config = loadConfig();
  const stores = await openStores(config);
  const runner = new ProjectionRunner(stores.events, stores.readModels, allProjections);
  const started = performance.now();
  await runner.reset();
  const head = await stores.events.headPosition();
  await runner.start();
  await runner.waitFor(head);
  await runner.stop();
  await stores.events.close();
  await stores.readModels.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`rebuilt ${allProjections.length} projections from ${head} events in ${seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
=======
import { GenerationalReadModelStore } from './projections/generations';
import { rebuildProjections } from './projections/rebuild';
import { openStores } from './stores';

// `npm run rebuild-projections`: rebuilds every read model from the event log into fresh
// collections and switches to them when caught up; running backends follow by themselves.
async function main() {
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
>>>>>>> stores
  process.exit(1);
});
