import { CookieJar } from './cookie-jar';

describe('CookieJar', () => {
  it('sends a cookie back to the host that set it, whatever the port, and not to others', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:4000/auth', ['session=abc; path=/; httponly; samesite=lax']);
    expect(jar.cookieHeader('http://127.0.0.1:4000/anything')).toBe('session=abc');
    expect(jar.cookieHeader('http://127.0.0.1:3000/')).toBe('session=abc');
    expect(jar.cookieHeader('http://localhost:4000/')).toBe('');
  });

  it('scopes a cookie to its path and sends the more specific path first', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/interaction/uid1', ['interaction=one; path=/interaction/uid1', 'session=s; path=/']);
    expect(jar.cookieHeader('http://idp.test/interaction/uid1/login')).toBe('interaction=one; session=s');
    expect(jar.cookieHeader('http://idp.test/interaction/uid10')).toBe('session=s');
    expect(jar.cookieHeader('http://idp.test/auth')).toBe('session=s');
  });

  it('defaults the path to the directory of the request', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/auth/callback', ['state=x']);
    expect(jar.cookieHeader('http://idp.test/auth/other')).toBe('state=x');
    expect(jar.cookieHeader('http://idp.test/')).toBe('');
  });

  it('replaces a cookie with the same name and path', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['session=old; path=/']);
    jar.store('http://idp.test/', ['session=new; path=/']);
    expect(jar.cookieHeader('http://idp.test/')).toBe('session=new');
  });

  it('deletes a cookie set again with an Expires date in the past', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['session=abc; path=/', 'session.sig=xyz; path=/']);
    jar.store('http://idp.test/', [
      'session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly',
      'session.sig=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; httponly',
    ]);
    expect(jar.cookieHeader('http://idp.test/')).toBe('');
  });

  it('deletes a cookie set again with Max-Age=0, even with a future Expires', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['session=abc; Path=/']);
    jar.store('http://idp.test/', ['session=abc; Path=/; Max-Age=0; Expires=Fri, 01 Jan 2100 00:00:00 GMT']);
    expect(jar.cookieHeader('http://idp.test/')).toBe('');
  });

  it('keeps a cookie whose expiry is in the future', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['session=abc; Path=/; Max-Age=3600']);
    expect(jar.cookieHeader('http://idp.test/')).toBe('session=abc');
  });
});
