import { followRedirects } from '@decidimos/infra';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { Client, startTestSystem, type TestSystem } from '../testing/test-system';
import { SESSION_COOKIE, SessionRepository } from '../http/sessions';

let system: TestSystem;

beforeAll(async () => {
  // Its log checks read standard output, whatever LOG_FILE the run sets.
  system = await startTestSystem({ env: { LOG_FILE: '' } });
});
afterAll(() => system.close());
afterEach(() => jest.restoreAllMocks());

/**
 * Walks a login through the identity provider up to the callback URL, without requesting
 * it, so the test sees the backend's own answer to the callback (its raw Location).
 */
async function reachCallback(client: Client, query: string): Promise<string> {
  const start = `${system.baseUrl}/auth/login?login_hint=resident-centro-1&${query}`;
  const walk = await followRedirects(start, client.jar, {
    stopAt: (url) => url.origin === system.baseUrl && url.pathname === '/auth/callback',
  });
  const callback = new URL(walk.url);
  expect(callback.pathname).toBe('/auth/callback');
  return `${callback.pathname}${callback.search}`;
}

/** The Location the callback answers for a login started with this returnTo (already URL-encoded). */
async function locationAfterLogin(encodedReturnTo: string): Promise<{ status: number; location: string | null }> {
  const client = new Client(system.baseUrl);
  const answer = await client.get(await reachCallback(client, `returnTo=${encodedReturnTo}`));
  return { status: answer.status, location: answer.headers.get('location') };
}

describe('the redirect after login stays on the site', () => {
  it.each([
    ['a tab between the slashes (seen in the outside test)', '%2F%09%2Fevil.example'],
    ['a carriage return', '%2F%0D%2Fevil.example'],
    ['a line feed', '%2F%0A%2Fevil.example'],
    ['a NUL', '%2F%00%2Fevil.example'],
    ['a DEL', '%2F%7F%2Fevil.example'],
    ['a line separator U+2028', '%2F%E2%80%A8%2Fevil.example'],
    ['a paragraph separator U+2029', '%2F%E2%80%A9%2Fevil.example'],
    ['a no-break space', '%2F%C2%A0%2Fevil.example'],
    ['a space', '%2F%20%2Fevil.example'],
    ['a response-splitting attempt', '%2F%0D%0ASet-Cookie%3A%20x%3D1'],
    ['a protocol-relative URL', '%2F%2Fevil.example'],
    ['a backslash', '%2F%5Cevil.example'],
    ['an absolute URL', 'https%3A%2F%2Fevil.example%2F'],
    ['a javascript: URL', 'javascript%3Aalert(1)'],
    ['a path that normalises to two slashes', '%2F.%2F%2Fevil.example'],
    ['a path that climbs to two slashes', '%2F..%2F%2Fevil.example'],
    ['a tab encoded twice', '%2F%2509%2Fevil.example'],
    ['a relative path', 'evil.example'],
  ])('falls back to / for %s', async (_, returnTo) => {
    expect(await locationAfterLogin(returnTo)).toEqual({ status: 302, location: '/' });
  });

  it('keeps a same-site path with its query and fragment', async () => {
    expect(await locationAfterLogin(encodeURIComponent('/propuestas/p-1?distrito=centro#apoyos'))).toEqual({
      status: 302,
      location: '/propuestas/p-1?distrito=centro#apoyos',
    });
  });

  it('percent-encodes non-Latin-1 characters in a same-site path instead of failing', async () => {
    expect(await locationAfterLogin(encodeURIComponent('/propuestas?q=parque-🌳-añejo'))).toEqual({
      status: 302,
      location: '/propuestas?q=parque-%F0%9F%8C%B3-a%C3%B1ejo',
    });
    expect(await locationAfterLogin(encodeURIComponent('/ediciones/año-✓'))).toEqual({
      status: 302,
      location: '/ediciones/a%C3%B1o-%E2%9C%93',
    });
  });
});

describe('secrets of the login never reach a log line', () => {
  function captureLogs(): string[] {
    const lines: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      });
    }
    return lines;
  }

  it('logs a failure after the provider answered without the code or the state', async () => {
    const client = new Client(system.baseUrl);
    const callback = await reachCallback(client, 'returnTo=%2F');
    const params = new URL(callback, system.baseUrl).searchParams;
    const code = params.get('code')!;
    const state = params.get('state')!;
    expect(code).toBeTruthy();
    expect(state).toBeTruthy();
    jest
      .spyOn(system.app.get(SessionRepository), 'create')
      .mockRejectedValueOnce(new Error('read-model store unreachable'));
    const logs = captureLogs();
    const failed = await client.get(callback);
    jest.restoreAllMocks();

    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(failed.body).toMatchObject({ status: 500, code: 'INTERNAL' });
    const logged = logs.join('');
    expect(logged).toContain('GET /auth/callback');
    expect(logged).toContain('read-model store unreachable');
    expect(logged).not.toContain(code);
    expect(logged).not.toContain(state);
    expect(logged).not.toMatch(/code=|state=/);
  });

  it('logs a rejected authorization code without the code or the state', async () => {
    const client = new Client(system.baseUrl);
    const callback = new URL(await reachCallback(client, 'returnTo=%2F'), system.baseUrl);
    const state = callback.searchParams.get('state')!;
    const forgedCode = 'forged-authorization-code-0123456789';
    callback.searchParams.set('code', forgedCode);
    const logs = captureLogs();
    const rejected = await client.get(`${callback.pathname}${callback.search}`);
    jest.restoreAllMocks();

    expect(rejected).toMatchObject({ status: 400, body: { code: 'LOGIN_FAILED' } });
    const logged = logs.join('');
    expect(logged).toContain('login rejected');
    expect(logged).not.toContain(forgedCode);
    expect(logged).not.toContain(state);
  });
});

describe('every login starts a new session', () => {
  it('ends the session the browser carried when it logs in again', async () => {
    const resident = await system.login('resident-norte-1');
    const first = resident.cookie;
    expect(first).toMatch(new RegExp(`${SESSION_COOKIE}=`));

    const again = await followRedirects(
      `${system.baseUrl}/auth/login?login_hint=resident-norte-1&returnTo=%2F`,
      resident.jar,
      { stopAt: (url) => url.origin === system.baseUrl && url.pathname === '/' },
    );
    expect(again.status).toBe(302);
    const second = resident.cookie;
    expect(second).toMatch(new RegExp(`${SESSION_COOKIE}=`));
    expect(second).not.toBe(first);

    const stale = await system.anonymous.get('/api/me', { cookie: first });
    expect(stale).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    const current = await system.anonymous.get('/api/me', { cookie: second });
    expect(current).toMatchObject({ status: 200, body: { displayName: 'resident-norte-1' } });
  });

  it('leaves the same person logged in on another browser', async () => {
    const phone = await system.login('resident-sur-2');
    const laptop = await system.login('resident-sur-2');
    expect((await phone.get('/api/me')).status).toBe(200);
    expect((await laptop.get('/api/me')).status).toBe(200);
  });
});

describe('logins and sessions expire from the store', () => {
  const TEN_MINUTES = 10 * 60 * 1000;

  /**
   * Moves the session repository's clock, not the process's: the provider signs its
   * tokens and the cookie jar ages cookies with the real clock.
   */
  function advanceRepositoryClock(ms: number): void {
    const repository = system.app.get(SessionRepository) as unknown as { now: () => number };
    const realNow = Date.now;
    jest.spyOn(repository, 'now').mockImplementation(() => realNow() + ms);
  }

  it('removes login attempts older than ten minutes when later logins start', async () => {
    const attempts = system.app.get<ReadModelStore>(READ_MODEL_STORE).collection('login-attempts');
    await attempts.clear();
    for (let i = 0; i < 30; i += 1) {
      expect((await new Client(system.baseUrl).get('/auth/login?returnTo=%2F')).status).toBe(302);
    }
    expect(await attempts.count()).toBe(30);

    advanceRepositoryClock(TEN_MINUTES + 1000);
    expect((await new Client(system.baseUrl).get('/auth/login?returnTo=%2F')).status).toBe(302);
    expect(await attempts.count()).toBe(1);
  });

  it('refuses a login attempt completed after it expired', async () => {
    const client = new Client(system.baseUrl);
    const callback = await reachCallback(client, 'returnTo=%2F');
    advanceRepositoryClock(TEN_MINUTES + 1000);
    const late = await client.get(callback);
    expect(late).toMatchObject({ status: 400, body: { code: 'LOGIN_FAILED' } });
  });

  it('removes expired sessions when later logins complete', async () => {
    const sessions = system.app.get<ReadModelStore>(READ_MODEL_STORE).collection('sessions');
    await sessions.clear();
    await system.login('resident-centro-2');
    await system.login('resident-centro-3');
    expect(await sessions.count()).toBe(2);

    advanceRepositoryClock(system.config.sessionTtlSeconds * 1000 + 1000);
    const later = await system.login('resident-centro-4');
    expect((await later.get('/api/me')).status).toBe(200);
    expect(await sessions.count()).toBe(1);
  });
});
