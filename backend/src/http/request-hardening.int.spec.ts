import { Client, startTestSystem, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
});
afterAll(() => system.close());

/** A JSON object nested `depth` levels deep: {"a":{"a":…1…}}. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('deeply nested JSON', () => {
  it.each([
    ['without an Idempotency-Key', {}],
    ['with an Idempotency-Key', { 'idempotency-key': 'deep-nesting-1' }],
  ])('is a 400 problem %s', async (_, headers: Record<string, string>) => {
    const answer = await admin.post('/api/processes', nested(5000), headers);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: expect.stringContaining('nested deeper than 64 levels'),
    });
  });

  it('is refused before anything else looks at it, even for a caller without a session', async () => {
    // 100,000 levels of arrays: 200 kB, under the body limit.
    const deepest = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const answer = await system.anonymous.post('/api/processes', deepest, {
      'idempotency-key': 'deep-nesting-2',
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('still takes a body at the depth limit, so the limit only refuses what no route accepts', async () => {
    const answer = await admin.post('/api/processes', nested(64), { 'idempotency-key': 'deep-nesting-3' });
    // Parsed, then refused by the route's schema (no title, no districts), not by the parser.
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(answer.body.detail).not.toContain('nested deeper');
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.title' })]));
  });
});

describe('security headers', () => {
  it.each(['/api/processes', '/health/live', '/api/nothing-here'])('are sent on %s', async (path) => {
    const answer = await system.anonymous.get(path);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('forwarded headers', () => {
  const loginCookie = (answer: { headers: Headers }) =>
    answer.headers.getSetCookie().find((cookie) => cookie.startsWith('decidimos_login=')) ?? '';

  it('are ignored from a client that is not a configured proxy', async () => {
    const answer = await new Client(system.baseUrl).get('/auth/login?returnTo=%2F', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(answer.status).toBe(302);
    expect(loginCookie(answer)).toMatch(/HttpOnly/i);
    expect(loginCookie(answer)).not.toMatch(/;\s*Secure/i);
    const redirectUri = new URL(answer.headers.get('location')!).searchParams.get('redirect_uri');
    expect(redirectUri).toBe(`${system.baseUrl}/auth/callback`);
  });

  it('are trusted from an address listed in TRUSTED_PROXIES', async () => {
    const behindProxy = await startTestSystem({ env: { TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' } });
    try {
      const answer = await new Client(behindProxy.baseUrl).get('/auth/login?returnTo=%2F', {
        'x-forwarded-proto': 'https',
      });
      expect(answer.status).toBe(302);
      expect(loginCookie(answer)).toMatch(/;\s*Secure/i);
      const redirectUri = new URL(answer.headers.get('location')!).searchParams.get('redirect_uri');
      expect(redirectUri).toBe(`${behindProxy.baseUrl.replace('http:', 'https:')}/auth/callback`);
    } finally {
      await behindProxy.close();
    }
  });
});
