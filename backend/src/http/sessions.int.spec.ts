import { DatabaseSync } from 'node:sqlite';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { ReadModelStore } from '../read-models/read-model.port';
import { SessionRepository } from './sessions';
import { storePerTest } from '../testing/store-per-test';

/**
 * A logout through this process ends the session here at once (README, Replicas), even
 * when a request carrying the same cookie looks the session up while the logout is still
 * waiting to delete it: here another replica holds the read models' write lock meanwhile.
 */
let store: ReadModelStore;

const readModelsFile = storePerTest(
  'read-models.sqlite',
  async (file) => (store = await openSqliteReadModelStore(file)),
);

const claims = { curp: null, birthdate: null, district: null, resident: true };

describe('a logout', () => {
  it('is not undone by a lookup of the same session made while the logout waited for the store', async () => {
    const sessions = new SessionRepository(store, 3600);
    const session = await sessions.create('subject-1', 'Ana', claims);
    const otherReplica = new DatabaseSync(readModelsFile());
    otherReplica.exec('BEGIN IMMEDIATE');

    const logout = sessions.end(session.id);
    await nextTurn();
    // A request of the same browser, answered before the logout could delete anything.
    expect(await sessions.get(session.id)).toMatchObject({ id: session.id });
    otherReplica.exec('COMMIT');
    otherReplica.close();
    await logout;

    expect(await sessions.get(session.id)).toBeNull();
  });
});

describe('a login attempt', () => {
  it('is completed once when callbacks with its state race, on one replica or two', async () => {
    const [here, there] = [new SessionRepository(store, 3600), new SessionRepository(store, 3600)];
    await here.startLogin({
      state: 'state-1',
      nonce: 'n',
      codeVerifier: 'v',
      redirectUri: 'http://x/cb',
      returnTo: '/',
    });

    const taken = await Promise.all([here.takeLogin('state-1'), there.takeLogin('state-1'), here.takeLogin('state-1')]);

    expect(taken.filter((attempt) => attempt !== null)).toHaveLength(1);
  });
});
