import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** epoch ms */
  expiresAt: number;
}

// The token kinds this provider issues that belong to a grant and go when it is revoked.
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken']);
const SWEEP_EVERY_WRITES = 1000;

/**
 * In-memory storage for one provider. oidc-provider's own development adapter caps its
 * cache at about a thousand entries and drops in-flight logins when a load test runs
 * hundreds at once; here entries only go when they expire.
 */
export function createMemoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionKeyByUid = new Map<string, string>();
  const memberKeysByGrant = new Map<string, Set<string>>();
  let writes = 0;

  const forget = (key: string, { payload }: Entry) => {
    entries.delete(key);
    if (payload.uid !== undefined && sessionKeyByUid.get(payload.uid) === key) sessionKeyByUid.delete(payload.uid);
    if (payload.grantId !== undefined) memberKeysByGrant.get(payload.grantId)?.delete(key);
  };

  const live = (key: string | undefined): AdapterPayload | undefined => {
    const entry = key === undefined ? undefined : entries.get(key);
    if (key === undefined || entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.payload;
    forget(key, entry);
    return undefined;
  };

  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) forget(key, entry);
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (model === 'Session' && payload.uid !== undefined) sessionKeyByUid.set(payload.uid, key);
        if (GRANT_MEMBERS.has(model) && payload.grantId !== undefined) {
          const members = memberKeysByGrant.get(payload.grantId) ?? new Set<string>();
          memberKeysByGrant.set(payload.grantId, members.add(key));
        }
        writes += 1;
        if (writes % SWEEP_EVERY_WRITES === 0) sweep();
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        return live(sessionKeyByUid.get(uid));
      },
      // Only the device flow looks codes up by user code, and it is not enabled.
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        const key = keyOf(id);
        const entry = entries.get(key);
        if (entry) forget(key, entry);
      },
      async revokeByGrantId(grantId) {
        for (const key of memberKeysByGrant.get(grantId) ?? []) {
          const entry = entries.get(key);
          if (entry) forget(key, entry);
        }
        memberKeysByGrant.delete(grantId);
      },
    };
  };
}
