import { Client, startTestSystem, type TestSystem } from '../testing/test-system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

describe('login with iD Digital (authorization code + PKCE through the local provider)', () => {
  it('creates an httpOnly SameSite session and tells who is logged in', async () => {
    const resident = await system.login('resident-centro-1');
    const session = resident.jar.getCookieStringSync(system.baseUrl);
    expect(session).toMatch(/decidimos_session=/);
    const me = await resident.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      displayName: 'resident-centro-1',
      roles: ['resident'],
      district: 'centro',
      eligible: true,
    });
    expect(me.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(me.body)).not.toMatch(/curp|birthdate/i);
  });

  it('sets the cookie httpOnly and SameSite=Lax', async () => {
    const client = new Client(system.baseUrl);
    const start = await client.get('/auth/login?login_hint=resident-norte-1');
    expect(start.status).toBe(302);
    expect(start.headers.get('set-cookie')).toMatch(/decidimos_login=.*HttpOnly.*SameSite=Lax/i);
    const location = new URL(start.headers.get('location')!);
    expect(location.origin).toBe(system.idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('login_hint')).toBe('resident-norte-1');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
  });

  it('reports minors and non-residents as not eligible', async () => {
    expect((await (await system.login('minor-1')).get('/api/me')).body.eligible).toBe(false);
    expect((await (await system.login('nonresident-1')).get('/api/me')).body).toMatchObject({
      eligible: false,
      district: null,
      roles: [],
    });
  });

  it('gives the configured admins the admin role', async () => {
    expect((await (await system.login('admin')).get('/api/me')).body.roles).toEqual(['resident', 'admin']);
  });

  it('applies a grant and a revocation to a session already logged in, from its next request', async () => {
    const admin = await system.login('admin');
    const moderator = await system.login('moderator');
    expect((await moderator.get('/api/me')).body.roles).toEqual(['resident']);
    await admin.post('/api/roles/grant', { subject: 'moderator', role: 'moderator' });
    expect((await moderator.get('/api/me')).body.roles).toEqual(['resident', 'moderator']);
    await admin.post('/api/roles/revoke', { subject: 'moderator', role: 'moderator' });
    expect((await moderator.get('/api/me')).body.roles).toEqual(['resident']);
  });

  it('refuses a callback whose state does not belong to this browser', async () => {
    const stranger = new Client(system.baseUrl);
    const forged = await stranger.get('/auth/callback?code=abc&state=forged');
    expect(forged).toMatchObject({ status: 400, body: { code: 'LOGIN_FAILED' } });
  });

  it('never redirects outside the site after login', async () => {
    const client = new Client(system.baseUrl);
    await client.get('/auth/login?login_hint=resident-sur-1&returnTo=//evil.example/steal');
    const { followRedirects } = await import('@decidimos/infra');
    const result = await followRedirects(
      `${system.baseUrl}/auth/login?login_hint=resident-sur-1&returnTo=https://evil.example/`,
      client.jar,
      {
        stopAt: (url) => url.origin === system.baseUrl && !url.pathname.startsWith('/auth/'),
      },
    );
    expect(new URL(result.url).origin).toBe(system.baseUrl);
    expect(new URL(result.url).pathname).toBe('/');
  });

  it('answers 401 without a session and ends the session on logout', async () => {
    expect(await system.anonymous.get('/api/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    const resident = await system.login('resident-centro-3');
    const withoutCsrf = await resident.post('/auth/logout', {}, { 'x-csrf-token': 'wrong' });
    expect(withoutCsrf).toMatchObject({ status: 403, body: { code: 'CSRF' } });
    const out = await resident.post('/auth/logout');
    expect(out.status).toBe(200);
    expect((await resident.get('/api/me')).status).toBe(401);
  });
});
