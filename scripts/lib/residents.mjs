import { Session } from '../../infra/dist/index.js';

/**
 * Sessions of `count` residents of Centro (the local identity provider's test accounts
 * `resident-centro-<n>`, from `from` on), logged in through the real login flow, 50 at a
 * time.
 */
export async function logInResidents(baseUrl, count, from = 1) {
  const sessions = [];
  for (let first = from; first < from + count; first += 50) {
    const batch = Array.from({ length: Math.min(50, from + count - first) }, (_, i) => `resident-centro-${first + i}`);
    sessions.push(...(await Promise.all(batch.map((account) => Session.logIn(baseUrl, account)))));
  }
  return sessions;
}
