interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** epoch ms; undefined for a cookie that lasts as long as the jar */
  expiresAt: number | undefined;
}

/**
 * Just enough of a browser's cookie store for scripts and tests: host-only cookies keyed by
 * host name (like a browser, the port does not matter), matched by path, expired by
 * Max-Age or Expires. Domain, Secure and SameSite are not enforced.
 */
export class CookieJar {
  readonly #byHost = new Map<string, StoredCookie[]>();

  /** The Cookie header value to send to `url`, empty when there is nothing to send. */
  cookieHeader(url: string | URL): string {
    const { hostname, pathname } = new URL(url);
    const now = Date.now();
    return (this.#byHost.get(hostname) ?? [])
      .filter((cookie) => pathMatches(pathname, cookie.path) && !isExpired(cookie, now))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  /** Stores the Set-Cookie headers of a response from `url` (see Headers#getSetCookie). */
  store(url: string | URL, setCookieHeaders: readonly string[]): void {
    const requestUrl = new URL(url);
    const now = Date.now();
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, requestUrl.pathname, now);
      if (cookie) this.#put(requestUrl.hostname, cookie, now);
    }
  }

  #put(hostname: string, cookie: StoredCookie, now: number): void {
    const kept = (this.#byHost.get(hostname) ?? []).filter(
      (stored) => !(stored.name === cookie.name && stored.path === cookie.path),
    );
    if (!isExpired(cookie, now)) kept.push(cookie);
    this.#byHost.set(hostname, kept);
  }
}

function parseSetCookie(header: string, requestPath: string, now: number): StoredCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals < 1) return undefined;
  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    path: defaultPath(requestPath),
    expiresAt: undefined,
  };
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const [key = '', value = ''] = splitAttribute(attribute);
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    if (key === 'expires' && !Number.isNaN(Date.parse(value))) cookie.expiresAt = Date.parse(value);
    if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
  }
  // Max-Age wins over Expires (RFC 6265 §5.3).
  if (maxAge !== undefined) cookie.expiresAt = now + maxAge * 1000;
  return cookie;
}

function splitAttribute(attribute: string): [string, string] {
  const equals = attribute.indexOf('=');
  if (equals < 0) return [attribute.trim().toLowerCase(), ''];
  return [attribute.slice(0, equals).trim().toLowerCase(), attribute.slice(equals + 1).trim()];
}

// RFC 6265 §5.1.4: the directory of the request path.
function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function isExpired(cookie: StoredCookie, now: number): boolean {
  return cookie.expiresAt !== undefined && cookie.expiresAt <= now;
}
