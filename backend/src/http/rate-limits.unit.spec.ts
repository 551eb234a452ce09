import { limitKindOf } from './rate-limits';

describe('which limit a request counts against', () => {
  it.each([
    ['GET', '/auth/login', 'login'],
    ['GET', '/auth/callback', 'login'],
    ['POST', '/api/processes/:id/ballot', 'write'],
    ['PATCH', '/api/proposals/:id', 'write'],
    ['DELETE', '/api/proposals/:id/support', 'write'],
    ['GET', '/api/processes/:id/audit/export', 'download'],
    ['HEAD', '/api/processes/:id/audit/export', 'download'],
    ['GET', '/api/processes/:id/audit/tree-heads', 'download'],
    ['GET', '/api/processes/:id/results.pb', 'download'],
  ])('%s %s counts as a %s', (method, route, kind) => {
    expect(limitKindOf(method, route)).toBe(kind);
  });

  it.each([
    ['GET', '/api/processes'],
    ['GET', '/api/processes/:id/results'],
    ['GET', '/api/me'],
    ['GET', '/health/live'],
    ['POST', '/auth/logout'],
    ['POST', undefined],
  ])('%s %s is not limited', (method, route) => {
    expect(limitKindOf(method, route)).toBeNull();
  });
});
