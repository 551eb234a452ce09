import 'reflect-metadata';
import { loadConfig } from './config/config';
import { allProjections } from './app.projections';
import { AUDIT_LOG_PROJECTION } from './audit/audit-log.projection';
import { GenerationalReadModelStore, type Generations } from './projections/generations';
import { rebuildInto, rebuildProjections } from './projections/rebuild';
import { rebuildOnThread, serveRebuildPart } from './projections/rebuild-thread';
import { useNativeSha256 } from './shared/native-sha256';
import { type Stores, openStores } from './stores';

// `npm run rebuild-projections`: rebuilds every read model from the event log into fresh
// collections and switches to them when caught up; running backends follow by themselves.
// The audit log (a leaf and its hashes for every event of an edition) is as much work as
// all the other projections together, so it is rebuilt on a second thread meanwhile.
const ON_THREAD = [AUDIT_LOG_PROJECTION];

async function withStores<T>(
  work: (stores: { events: Stores['events']; readModels: GenerationalReadModelStore }) => Promise<T>,
): Promise<T> {
  useNativeSha256();
  const stores = await openStores(loadConfig());
  try {
    if (!(stores.readModels instanceof GenerationalReadModelStore)) throw new Error('read models without generations');
    return await work({ events: stores.events, readModels: stores.readModels });
  } finally {
    await stores.events.close();
    await stores.readModels.close();
  }
}

async function main() {
  const { position, generations } = await withStores(({ events, readModels }) =>
    rebuildProjections(events, readModels, allProjections, rebuildOnThread(__filename, ON_THREAD)),
  );
  console.log(`rebuilt up to log position ${position}: ${JSON.stringify(Object.fromEntries(generations))}`);
}

function rebuildPart(names: string[], generations: Generations, head: number): Promise<number> {
  const part = allProjections.filter((projection) => names.includes(projection.name));
  return withStores(({ events, readModels }) => rebuildInto(events, readModels.at(generations), part, head));
}

if (!serveRebuildPart(rebuildPart))
  main().catch((error: unknown) => {
    console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
