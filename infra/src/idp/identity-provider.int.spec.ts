import * as oidc from 'openid-client';
import { CookieJar } from 'tough-cookie';
import { accountClaims } from './accounts';
import { CURP_PATTERN } from './curp';
import { followRedirects } from './follow-redirects';
import { startIdentityProvider, type RunningIdentityProvider } from './identity-provider';

const CLIENT_ID = 'decidimos-test';
const CLIENT_SECRET = 'test-secret';
// Nothing listens here: the walk stops at the redirect that carries the code.
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';
const POST_LOGOUT_REDIRECT_URI = 'http://127.0.0.1:9/';
const SCOPE = 'openid profile mty email';

const client = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] };
const atRedirectUri = (url: URL) => url.href.startsWith(REDIRECT_URI);

interface Login {
  config: oidc.Configuration;
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function discover(idp: RunningIdentityProvider, auth = oidc.ClientSecretBasic()): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(idp.issuer), CLIENT_ID, CLIENT_SECRET, auth, {
    execute: [oidc.allowInsecureRequests],
  });
}

async function startLogin(config: oidc.Configuration, extra: Record<string, string> = {}): Promise<Login> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { config, url, verifier, state, nonce };
}

async function finishLogin(login: Login, callbackUrl: string) {
  return oidc.authorizationCodeGrant(login.config, new URL(callbackUrl), {
    pkceCodeVerifier: login.verifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
  });
}

async function logInAs(config: oidc.Configuration, account: string, jar = new CookieJar()) {
  const login = await startLogin(config, { login_hint: account });
  const walk = await followRedirects(login.url.href, jar, { stopAt: atRedirectUri });
  expect(walk.status).toBe(303);
  return finishLogin(login, walk.url);
}

/** The value of a hidden or text input in a page we rendered. */
function inputValue(html: string, name: string): string | undefined {
  return new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

async function postForm(url: string, jar: CookieJar, form: Record<string, string>): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.getCookieStringSync(url), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  for (const header of response.headers.getSetCookie()) jar.setCookieSync(header, url);
  return response;
}

describe('identity provider with auto-login', () => {
  let idp: RunningIdentityProvider;
  let config: oidc.Configuration;

  beforeAll(async () => {
    idp = await startIdentityProvider({
      port: 0,
      clients: [{ ...client, postLogoutRedirectUris: [POST_LOGOUT_REDIRECT_URI] }],
      autoLogin: true,
    });
    config = await discover(idp);
  });

  afterAll(() => idp.close());

  it('reports the port it picked in its issuer', () => {
    expect(idp.port).toBeGreaterThan(0);
    expect(idp.issuer).toBe(`http://127.0.0.1:${idp.port}`);
  });

  it('logs a resident in from login_hint and puts the claims in the ID token', async () => {
    const tokens = await logInAs(config, 'resident-norte-7');
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT_ID,
      sub: 'resident-norte-7',
      name: 'resident-norte-7',
      district: 'norte',
      resident: true,
    });
    expect(claims).toMatchObject(accountClaims('resident-norte-7') ?? {});
    expect(claims?.curp).toMatch(CURP_PATTERN);
  });

  it('serves the same claims at userinfo', async () => {
    const tokens = await logInAs(config, 'resident-sur-3');
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, 'resident-sur-3');
    expect(userinfo).toEqual(accountClaims('resident-sur-3'));
    expect(tokens.claims()).toMatchObject(userinfo);
  });

  it('tells the minor’s age and the non-resident’s missing district', async () => {
    const minor = (await logInAs(config, 'minor-1')).claims();
    const now = new Date();
    const fifteenYearsAgo = `${now.getUTCFullYear() - 15}-${now.toISOString().slice(5, 10)}`;
    const sixteenYearsAgo = `${now.getUTCFullYear() - 16}-${now.toISOString().slice(5, 10)}`;
    expect(minor).toMatchObject({ sub: 'minor-1', district: 'centro', resident: true });
    expect(String(minor?.birthdate) < fifteenYearsAgo).toBe(true);
    expect(String(minor?.birthdate) > sixteenYearsAgo).toBe(true);

    const nonresident = (await logInAs(config, 'nonresident-1')).claims();
    expect(nonresident).toMatchObject({ sub: 'nonresident-1', district: null, resident: false });
  });

  it('accepts client_secret_post as well as client_secret_basic', async () => {
    const postConfig = await discover(idp, oidc.ClientSecretPost());
    const tokens = await logInAs(postConfig, 'auditor');
    expect(tokens.claims()?.sub).toBe('auditor');
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${idp.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: SCOPE,
      login_hint: 'admin',
    }).toString();
    const walk = await followRedirects(url.href, new CookieJar(), { stopAt: atRedirectUri });
    expect(new URL(walk.url).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(walk.url).searchParams.get('error_description')).toMatch(/PKCE/);
    expect(new URL(walk.url).searchParams.get('code')).toBeNull();
  });

  it('serves the account picker, with a button per well-known account, when there is no login_hint', async () => {
    const login = await startLogin(config);
    const walk = await followRedirects(login.url.href);
    expect(walk.status).toBe(200);
    expect(new URL(walk.url).pathname).toMatch(/^\/interaction\//);
    expect(walk.body).toContain('<html lang="es">');
    for (const account of [
      'admin',
      'reviewer',
      'poll-officer',
      'auditor',
      'resident-centro-1',
      'minor-1',
      'nonresident-1',
    ]) {
      expect(walk.body).toContain(`<button type="submit" name="account" value="${account}">`);
    }
    expect(walk.body).toMatch(/<label for="account">/);
    expect(walk.body).toMatch(/<input id="account" name="account"/);
  });

  it('logs in the account chosen on the picker page', async () => {
    const login = await startLogin(config);
    const jar = new CookieJar();
    const picker = await followRedirects(login.url.href, jar);
    const chosen = await postForm(`${picker.url}/login`, jar, { account: 'reviewer' });
    expect(chosen.status).toBe(303);
    const location = new URL(chosen.headers.get('location') ?? '', picker.url);
    const walk = await followRedirects(location.href, jar, { stopAt: atRedirectUri });
    expect((await finishLogin(login, walk.url)).claims()?.sub).toBe('reviewer');
  });

  it('returns access_denied to the client when the picker is cancelled', async () => {
    const login = await startLogin(config);
    const jar = new CookieJar();
    const picker = await followRedirects(login.url.href, jar);
    const cancelled = await postForm(`${picker.url}/abort`, jar, {});
    const location = new URL(cancelled.headers.get('location') ?? '', picker.url);
    const walk = await followRedirects(location.href, jar, { stopAt: atRedirectUri });
    expect(new URL(walk.url).searchParams.get('error')).toBe('access_denied');
    expect(new URL(walk.url).searchParams.get('state')).toBe(login.state);
  });

  it('refuses an unknown account, whether hinted or typed', async () => {
    const hinted = await startLogin(config, { login_hint: 'stranger' });
    const jar = new CookieJar();
    const walk = await followRedirects(hinted.url.href, jar, { stopAt: atRedirectUri });
    expect(walk.status).toBe(400);
    expect(walk.body).toContain('role="alert"');
    expect(inputValue(walk.body, 'account')).toBe('stranger');

    const typed = await postForm(`${walk.url}/login`, jar, { account: 'resident-centro-0' });
    expect(typed.status).toBe(400);
    expect(await typed.text()).toContain('resident-centro-0');
  });

  it('switches to the hinted account when another one is signed in', async () => {
    const jar = new CookieJar();
    await logInAs(config, 'resident-centro-1', jar);
    const again = await logInAs(config, 'resident-centro-1', jar);
    expect(again.claims()?.sub).toBe('resident-centro-1');

    const login = await startLogin(config, { login_hint: 'admin' });
    const signOut = await followRedirects(login.url.href, jar, { stopAt: atRedirectUri });
    // oidc-provider signs the previous account out first, through a self-submitting form.
    expect(signOut.status).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(signOut.body)?.[1] ?? '';
    const signedOut = await postForm(new URL(action, signOut.url).href, jar, {
      xsrf: inputValue(signOut.body, 'xsrf') ?? '',
      logout: inputValue(signOut.body, 'logout') ?? '',
    });
    const resumed = new URL(signedOut.headers.get('location') ?? '', signOut.url);
    const walk = await followRedirects(resumed.href, jar, { stopAt: atRedirectUri });
    expect((await finishLogin(login, walk.url)).claims()?.sub).toBe('admin');
  });

  it('ends the session at end_session and then asks for an account again', async () => {
    const jar = new CookieJar();
    const tokens = await logInAs(config, 'poll-officer', jar);
    const endSession = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: POST_LOGOUT_REDIRECT_URI,
      state: 'bye',
    });
    const confirmation = await followRedirects(endSession.href, jar);
    expect(confirmation.status).toBe(200);
    const xsrf = inputValue(confirmation.body, 'xsrf');
    expect(xsrf).toBeDefined();

    const loggedOut = await postForm(`${idp.issuer}/session/end/confirm`, jar, { xsrf: xsrf ?? '', logout: 'yes' });
    expect(loggedOut.status).toBe(303);
    expect(loggedOut.headers.get('location')).toBe(`${POST_LOGOUT_REDIRECT_URI}?state=bye`);

    const next = await startLogin(config);
    const walk = await followRedirects(next.url.href, jar, { stopAt: atRedirectUri });
    expect(walk.status).toBe(200);
    expect(new URL(walk.url).pathname).toMatch(/^\/interaction\//);
  });
});

describe('identity provider without auto-login', () => {
  let idp: RunningIdentityProvider;
  let config: oidc.Configuration;

  beforeAll(async () => {
    idp = await startIdentityProvider({ port: 0, clients: [client], autoLogin: false });
    config = await discover(idp);
  });

  afterAll(() => idp.close());

  it('only pre-fills the account field with login_hint', async () => {
    const login = await startLogin(config, { login_hint: 'admin' });
    const walk = await followRedirects(login.url.href, new CookieJar(), { stopAt: atRedirectUri });
    expect(walk.status).toBe(200);
    expect(new URL(walk.url).pathname).toMatch(/^\/interaction\//);
    expect(inputValue(walk.body, 'account')).toBe('admin');
  });
});
