// A logged-in client for scripts (benchmark, walkthrough): logs in through the real flow
// (backend /auth/login?login_hint=… → identity provider → /auth/callback), keeps the
// cookies and sends the CSRF token, as the SPA does.
import { CookieJar, followRedirects } from '../../infra/dist/index.js';

export class Session {
  constructor(baseUrl, jar = new CookieJar(), csrfToken = null) {
    this.baseUrl = baseUrl;
    this.jar = jar;
    this.csrfToken = csrfToken;
  }

  static async logIn(baseUrl, account) {
    const jar = new CookieJar();
    const origin = new URL(baseUrl).origin;
    const login = `${baseUrl}/auth/login?login_hint=${encodeURIComponent(account)}&returnTo=/`;
    const done = await followRedirects(login, jar, { stopAt: (url) => url.origin === origin && url.pathname === '/' });
    if (done.status !== 302) throw new Error(`login of ${account} ended with ${done.status} at ${done.url}`);
    const session = new Session(baseUrl, jar);
    const me = await session.request('GET', '/api/me');
    if (me.status !== 200) throw new Error(`login of ${account}: /api/me answered ${me.status}`);
    session.csrfToken = me.body.csrfToken;
    return session;
  }

  get cookie() {
    return this.jar.cookieHeader(`${this.baseUrl}/api`);
  }

  /** Any request; answers { status, body } whatever the status. */
  async request(method, path, body) {
    const headers = { accept: 'application/json', cookie: this.cookie };
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  /** A request that must succeed; throws with the problem details otherwise. */
  async send(method, path, body) {
    const answer = await this.request(method, path, body);
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  post(path, body = {}) {
    return this.send('POST', path, body);
  }
}
