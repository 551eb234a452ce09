import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Session as Client, startIdentityProvider, type RunningIdentityProvider } from '@decidimos/infra';
import { createApplication } from '../app.factory';
import { loadConfig, type Config } from '../config/config';
import type { Stores } from '../stores';

/** The tests' HTTP client is the scripts' one: logged in through the real flow, cookies by tough-cookie. */
export { Client };
export type { Answer } from '@decidimos/infra';

/**
 * Tests log many accounts in from one address and write fast; they raise the limits
 * through configuration, as a deployment would, and the rate-limit tests set small ones.
 */
export const GENEROUS_RATE_LIMITS = {
  RATE_LIMIT_LOGINS: '100000',
  RATE_LIMIT_WRITES: '100000',
  RATE_LIMIT_DOWNLOADS: '100000',
};

/**
 * Tests log warnings and errors only, unless the run sets LOG_LEVEL; LOG_FILE sends every
 * backend line of the run to one file (scripts/check-logs.mjs then searches it).
 */
export function testLogSettings(): Record<string, string> {
  const { LOG_LEVEL = 'warn', LOG_FILE } = process.env;
  return { LOG_LEVEL, ...(LOG_FILE ? { LOG_FILE } : {}) };
}

export interface TestSystem {
  baseUrl: string;
  config: Config;
  app: NestFastifyApplication;
  idp: RunningIdentityProvider;
  anonymous: Client;
  login(account: string): Promise<Client>;
  /** The admin, and the reviewer it granted the role to: the staff most specs start with. */
  loginStaff(): Promise<{ admin: Client; reviewer: Client }>;
  /** Stops the backend and starts a new one on the same data directory and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real system for integration tests: the Nest app on Fastify over real HTTP, on
 * temporary SQLite files, with the real local identity provider.
 */
export async function startTestSystem(
  options: { env?: Record<string, string>; stores?: (config: Config) => Promise<Stores> } = {},
): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'decidimos-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    ADMIN_SUBJECTS: 'admin',
    // Specs sign interval heads when they mean to (IntervalTreeHeads.signDue), never by the clock.
    TREE_HEAD_INTERVAL: '86400',
    ...GENEROUS_RATE_LIMITS,
    ...testLogSettings(),
    ...options.env,
  });
  let app = await createApplication(config, await options.stores?.(config));
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  config.port = port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const idp = await startIdentityProvider({
    port: 0,
    autoLogin: true,
    clients: [
      {
        clientId: config.oidc.clientId,
        clientSecret: config.oidc.clientSecret,
        redirectUris: [`${baseUrl}/auth/callback`],
      },
    ],
  });
  config.oidc.issuer = idp.issuer;
  return {
    baseUrl,
    config,
    get app() {
      return app;
    },
    idp,
    anonymous: new Client(baseUrl),
    login: (account) => Client.logIn(baseUrl, account),
    async loginStaff() {
      const admin = await Client.logIn(baseUrl, 'admin');
      await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
      return { admin, reviewer: await Client.logIn(baseUrl, 'reviewer') };
    },
    async restart() {
      await app.close();
      app = await createApplication(config, await options.stores?.(config));
      await app.listen(port, '127.0.0.1');
    },
    async close() {
      await app.close();
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
