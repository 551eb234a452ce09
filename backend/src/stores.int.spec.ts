import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type Socket } from 'node:net';
import { openStores } from './stores';

// A wrong or unreachable store setting must stop the start-up with a message naming it.
let dataDir: string;
let silent: Server;
let silentPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'decidimos-stores-'));
  // Accepts connections and never answers: a server that is there but is not the store.
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((closed) => silent.close(() => closed()));
  rmSync(dataDir, { recursive: true, force: true });
});

const open = (settings: { eventStoreUrl?: string; mongoDbUrl?: string }) =>
  openStores({ dataDir, eventStoreUrl: settings.eventStoreUrl ?? null, mongoDbUrl: settings.mongoDbUrl ?? null });

describe('store settings checked at start-up', () => {
  it.each([
    ['postgres://db/decidimos', /^MONGODB_URL: "postgres:\/\/db\/decidimos" is not a MongoDB connection string/],
    ['mongodb://127.0.0.1:27017', /^MONGODB_URL: .* names no database/],
    ['mongodb://a:b@c:d@/x', /^MONGODB_URL: .* is malformed/],
  ])('refuses MONGODB_URL=%s', async (mongoDbUrl, message) => {
    await expect(open({ mongoDbUrl })).rejects.toThrow(message);
  });

  it('names MONGODB_URL, without its password, when the server does not answer', async () => {
    const opening = open({ mongoDbUrl: `mongodb://reader:s3cret@127.0.0.1:${silentPort}/decidimos` });

    await expect(opening).rejects.toThrow(
      /^MONGODB_URL: cannot reach the read-model database at mongodb:\/\/reader:\*\*\*@/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it.each([
    ['http://127.0.0.1:2113', /^EVENTSTORE_URL: "http:\/\/127.0.0.1:2113" is not a KurrentDB connection string/],
    [`kurrentdb://127.0.0.1:1?tls=false`, /^EVENTSTORE_URL: cannot read the event log from kurrentdb:\/\/127.0.0.1:1/],
  ])('refuses EVENTSTORE_URL=%s', async (eventStoreUrl, message) => {
    await expect(open({ eventStoreUrl })).rejects.toThrow(message);
  });

  it('opens the embedded stores when neither is set', async () => {
    const stores = await open({});
    try {
      expect(await stores.events.headPosition()).toBe(0);
      expect(await stores.readModels.getCheckpoint('editions')).toBe(0);
    } finally {
      await stores.events.close();
      await stores.readModels.close();
    }
  });
});
