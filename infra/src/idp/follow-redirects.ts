import { CookieJar } from 'tough-cookie';

export interface FollowRedirectsOptions {
  /** Return, without requesting it, the first redirect target for which this is true. */
  stopAt?: (url: URL) => boolean;
  /** Give up after this many redirects (default 20). */
  maxRedirects?: number;
}

export interface RedirectsFollowed {
  /** The URL of the last response, or the redirect target `stopAt` stopped at. */
  url: string;
  /** The status of the last response (a 3xx when `stopAt` stopped the walk). */
  status: number;
  jar: CookieJar;
  /** The body of the last response; empty when `stopAt` stopped the walk. */
  body: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_REDIRECTS = 20;

/**
 * GETs `startUrl` and follows its redirects the way a browser would, keeping cookies in
 * `jar`, until a response is not a redirect or `stopAt` claims the next location. Used to
 * walk a login through the identity provider without a browser, e.g.
 * backend /auth/login?login_hint=resident-centro-1 → provider → backend /auth/callback.
 */
export async function followRedirects(
  startUrl: string,
  jar: CookieJar = new CookieJar(),
  { stopAt, maxRedirects = DEFAULT_MAX_REDIRECTS }: FollowRedirectsOptions = {},
): Promise<RedirectsFollowed> {
  let url = new URL(startUrl);
  for (let redirects = 0; redirects <= maxRedirects; redirects += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: cookieHeaders(jar, url) });
    for (const header of response.headers.getSetCookie()) jar.setCookieSync(header, url.href);
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) {
      return { url: url.href, status: response.status, jar, body: await response.text() };
    }
    // Drain the body so that the connection goes back to the pool.
    await response.arrayBuffer();
    const next = new URL(location, url);
    if (stopAt?.(next)) return { url: next.href, status: response.status, jar, body: '' };
    url = next;
  }
  throw new Error(`more than ${maxRedirects} redirects from ${startUrl}`);
}

function cookieHeaders(jar: CookieJar, url: URL): Record<string, string> {
  const cookie = jar.getCookieStringSync(url.href);
  return cookie === '' ? {} : { cookie };
}
