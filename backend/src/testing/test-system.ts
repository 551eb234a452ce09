import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CookieJar, followRedirects, startIdentityProvider, type RunningIdentityProvider } from '@decidimos/infra';
import { createApplication } from '../app.factory';
import { loadConfig, type Config } from '../config/config';
import type { Stores } from '../stores';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with a cookie jar, sending the CSRF token once logged in, like the SPA does. */
export class Client {
  csrfToken: string | null = null;
  readonly jar = new CookieJar();

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl);
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    const cookie = this.jar.cookieHeader(url);
    if (cookie) all['cookie'] = cookie;
    if (this.csrfToken && !('x-csrf-token' in headers)) all['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) all['content-type'] ??= 'application/json';
    const response = await fetch(url, {
      method,
      headers: all,
      redirect: 'manual',
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    this.jar.store(url, response.headers.getSetCookie());
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a redirect, an HTML page, JSON Lines): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

/** Logs in through the real flow: backend /auth/login → identity provider (login_hint) → /auth/callback. */
export async function logIn(baseUrl: string, account: string): Promise<Client> {
  const client = new Client(baseUrl);
  const backend = new URL(baseUrl);
  const result = await followRedirects(
    `${baseUrl}/auth/login?login_hint=${encodeURIComponent(account)}&returnTo=/`,
    client.jar,
    {
      stopAt: (url) => url.origin === backend.origin && url.pathname === '/',
    },
  );
  if (result.status !== 302)
    throw new Error(`login of ${account} ended at ${result.url} with ${result.status}: ${result.body}`);
  const me = await client.get('/api/me');
  if (me.status !== 200) throw new Error(`login of ${account}: /api/me answered ${me.status}`);
  client.csrfToken = me.body.csrfToken;
  return client;
}

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
    login: (account) => logIn(baseUrl, account),
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
