import type { AdapterPayload } from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter';

describe('createMemoryAdapter', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('finds what it stored until the entry expires', async () => {
    const codes = createMemoryAdapter()('AuthorizationCode');
    await codes.upsert('c1', { accountId: 'resident-centro-1' } as AdapterPayload, 60);
    expect(await codes.find('c1')).toMatchObject({ accountId: 'resident-centro-1' });
    jest.advanceTimersByTime(60_000);
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('keeps the models of one provider apart', async () => {
    const factory = createMemoryAdapter();
    await factory('AccessToken').upsert('same-id', { accountId: 'admin' } as AdapterPayload, 60);
    expect(await factory('AuthorizationCode').find('same-id')).toBeUndefined();
    expect(await createMemoryAdapter()('AccessToken').find('same-id')).toBeUndefined();
  });

  it('finds a session by its uid, and no longer once it is destroyed', async () => {
    const sessions = createMemoryAdapter()('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'admin' } as AdapterPayload, 3600);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'admin' });
    await sessions.destroy('s1');
    expect(await sessions.findByUid('u1')).toBeUndefined();
  });

  it('marks a code consumed', async () => {
    const codes = createMemoryAdapter()('AuthorizationCode');
    await codes.upsert('c1', {} as AdapterPayload, 60);
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toBe(Date.parse('2026-11-25T12:00:00Z') / 1000);
  });

  it('revokes the tokens of a grant and leaves those of other grants', async () => {
    const factory = createMemoryAdapter();
    const accessTokens = factory('AccessToken');
    const codes = factory('AuthorizationCode');
    await accessTokens.upsert('a1', { grantId: 'g1' } as AdapterPayload, 3600);
    await codes.upsert('c1', { grantId: 'g1' } as AdapterPayload, 60);
    await accessTokens.upsert('a2', { grantId: 'g2' } as AdapterPayload, 3600);
    await accessTokens.revokeByGrantId('g1');
    expect(await accessTokens.find('a1')).toBeUndefined();
    expect(await codes.find('c1')).toBeUndefined();
    expect(await accessTokens.find('a2')).toBeDefined();
  });
});
