import { type RunningFerretDb, startFerretDb } from '../read-models/mongodb/testing/ferretdb-server';
import { describeSharedRateLimits } from '../testing/shared-rate-limits.behaviour';
import { describeTwoInstances } from '../testing/two-instances.behaviour';

// Both instances on the read models in one MongoDB database (FerretDB on SQLite) and the
// embedded event log of one DATA_DIR: no KurrentDB server can run on these machines.
let server: RunningFerretDb;
beforeAll(async () => {
  server = await startFerretDb();
}, 30_000);
afterAll(() => server?.stop());

describeTwoInstances('MongoDB read models (FerretDB)', () => ({ MONGODB_URL: server.freshDatabaseUrl('two') }));
describeSharedRateLimits('MongoDB read models (FerretDB)', () => ({ MONGODB_URL: server.freshDatabaseUrl('limits') }));
