import { followRedirects } from '@decidimos/infra';
import { Client, startTestSystem, type TestSystem } from '../testing/test-system';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

describe('a login on a shared kiosk tablet', () => {
  it('with prompt=login, asks iD Digital for the next person even though the previous one’s session is still there', async () => {
    const tablet = await Client.logIn(system.baseUrl, 'resident-centro-1');
    const backend = new URL(system.baseUrl);
    const backHome = { stopAt: (url: URL) => url.origin === backend.origin && url.pathname === '/' };
    // Without prompt=login the provider's session logs the same person in again, unasked.
    const again = await followRedirects(`${system.baseUrl}/auth/login?returnTo=/`, tablet.jar, backHome);
    expect(again.status).toBe(302);
    expect(new URL(again.url).pathname).toBe('/');
    // With it, the provider shows its account picker instead of logging anyone in.
    const kiosk = await followRedirects(`${system.baseUrl}/auth/login?returnTo=/&prompt=login`, tablet.jar, backHome);
    expect(kiosk.status).toBe(200);
    expect(new URL(kiosk.url).origin).toBe(system.idp.issuer);
    expect(kiosk.url).toMatch(/\/interaction\//);
  });

  it('passes no other prompt value to iD Digital', async () => {
    const start = await system.anonymous.get('/auth/login?returnTo=/&prompt=none');
    expect(start.status).toBe(302);
    expect(new URL(start.headers.get('location')!).searchParams.has('prompt')).toBe(false);
    const kiosk = await system.anonymous.get('/auth/login?returnTo=/&prompt=login');
    expect(new URL(kiosk.headers.get('location')!).searchParams.get('prompt')).toBe('login');
  });
});
