import { CookieJar } from 'tough-cookie';
import { followRedirects } from '../idp/follow-redirects';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A logged-in HTTP client, as the SPA is one: cookies kept by tough-cookie (RFC 6265), the
 * CSRF token sent once logged in. The one client of the tests, the benchmark, the
 * walkthrough and the fuzzing.
 */
export class Session {
  csrfToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly jar = new CookieJar(),
  ) {}

  /** Logs in through the real flow: backend /auth/login → identity provider (login_hint) → /auth/callback. */
  static async logIn(baseUrl: string, account: string): Promise<Session> {
    const session = new Session(baseUrl);
    const backend = new URL(baseUrl);
    const result = await followRedirects(
      `${baseUrl}/auth/login?login_hint=${encodeURIComponent(account)}&returnTo=/`,
      session.jar,
      { stopAt: (url) => url.origin === backend.origin && url.pathname === '/' },
    );
    if (result.status !== 302)
      throw new Error(`login of ${account} ended at ${result.url} with ${result.status}: ${result.body}`);
    const me = await session.get('/api/me');
    if (me.status !== 200) throw new Error(`login of ${account}: /api/me answered ${me.status}`);
    session.csrfToken = me.body.csrfToken;
    return session;
  }

  /** The Cookie header this session sends to the API, for tools that make their own requests. */
  get cookie(): string {
    return this.jar.getCookieStringSync(new URL('/api', this.baseUrl).href);
  }

  /** Any request; answers whatever the status, the body parsed when it is JSON. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl);
    const all: Record<string, string> = { accept: 'application/json', ...headers };
    const cookie = this.jar.getCookieStringSync(url.href);
    if (cookie) all['cookie'] = cookie;
    if (this.csrfToken && !('x-csrf-token' in headers)) all['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) all['content-type'] ??= 'application/json';
    const response = await fetch(url, {
      method,
      headers: all,
      redirect: 'manual',
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const header of response.headers.getSetCookie()) this.jar.setCookieSync(header, url.href);
    const text = await response.text();
    let parsed: unknown = text === '' ? null : text;
    // Parsed by what the server says it is: JSON Lines of one line is valid JSON too, and must stay text.
    if (/^application\/([\w.-]+\+)?json\b/.test(response.headers.get('content-type') ?? '')) {
      try {
        if (text) parsed = JSON.parse(text);
      } catch {
        // a body that claims JSON and is not: keep the text for the assertion to show
      }
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** A request that must succeed (scripts): the body, or an error with the problem details. */
  async send<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
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
