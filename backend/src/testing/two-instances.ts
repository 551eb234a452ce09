import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startIdentityProvider, type RunningIdentityProvider } from '@decidimos/infra';
import { createApplication } from '../app.factory';
import { type Config, loadConfig } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { Client, GENEROUS_RATE_LIMITS, testLogSettings } from './test-system';

export interface Instance {
  baseUrl: string;
  config: Config;
  app: NestFastifyApplication;
  /** Resolves once this instance's projections have applied everything in the log. */
  caughtUp(): Promise<void>;
}

export interface TwoInstances {
  instances: [Instance, Instance];
  idp: RunningIdentityProvider;
  /** Logs in through the real flow on one instance; the session then works on both. */
  login(account: string, on?: Instance): Promise<Client>;
  close(): Promise<void>;
}

/**
 * Two backend processes' worth of application on the same stores, as two replicas behind
 * the reverse proxy would run: the same DATA_DIR (the embedded SQLite files, in WAL mode)
 * and, when `env` has MONGODB_URL, the same MongoDB database. Each has its own HTTP port
 * and its own projection runner; they share one identity provider client.
 */
export async function startTwoInstances(env: Record<string, string> = {}): Promise<TwoInstances> {
  const dataDir = mkdtempSync(join(tmpdir(), 'decidimos-two-'));
  const shared = loadConfig({
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    // Each listens on a port of its own, as replicas do (and so each is a projector lease holder of its own).
    PORT: '0',
    ADMIN_SUBJECTS: 'admin',
    ...GENEROUS_RATE_LIMITS,
    ...testLogSettings(),
    ...env,
  });
  const started: Instance[] = [];
  for (let n = 0; n < 2; n += 1) {
    const config: Config = { ...shared, oidc: { ...shared.oidc } };
    const app = await createApplication(config);
    await app.listen(0, '127.0.0.1');
    config.port = (app.getHttpServer().address() as { port: number }).port;
    const events = app.get<EventStore>(EVENT_STORE);
    const projections = app.get(ProjectionRunner);
    started.push({
      baseUrl: `http://127.0.0.1:${config.port}`,
      config,
      app,
      caughtUp: async () => projections.waitFor(await events.headPosition()),
    });
  }
  const instances = started as [Instance, Instance];
  const idp = await startIdentityProvider({
    port: 0,
    autoLogin: true,
    clients: [
      {
        clientId: shared.oidc.clientId,
        clientSecret: shared.oidc.clientSecret,
        redirectUris: instances.map((instance) => `${instance.baseUrl}/auth/callback`),
      },
    ],
  });
  for (const instance of instances) instance.config.oidc.issuer = idp.issuer;
  return {
    instances,
    idp,
    login: (account, on = instances[0]) => Client.logIn(on.baseUrl, account),
    async close() {
      for (const instance of instances) await instance.app.close();
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
