import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe';

const key = Buffer.alloc(32, 7);

describe('unsubscribe tokens', () => {
  it('read back as the contact ref and kind they were made for', () => {
    const token = unsubscribeToken(key, 'ref-1', 'voting');
    expect(readUnsubscribeToken(key, token)).toEqual({ ref: 'ref-1', kind: 'voting' });
  });

  it('refuse another kind, another contact, another key or a cut token', () => {
    const token = unsubscribeToken(key, 'ref-1', 'voting');
    const [, , signature] = token.split('.');
    expect(readUnsubscribeToken(key, `ref-1.my-ballot.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(key, `ref-2.voting.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(Buffer.alloc(32, 8), token)).toBeNull();
    expect(readUnsubscribeToken(key, token.slice(0, -1))).toBeNull();
    expect(readUnsubscribeToken(key, `ref-1.everything.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(key, `${token}.extra`)).toBeNull();
  });
});
