import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../audit/encoding';
import { ballotCommitment, openingSchema } from './commitment';

const salt = 'a1'.repeat(32);

describe('ballot commitments', () => {
  it('is SHA-256 of the canonical JSON of salt and selections', () => {
    const canonical = `{"salt":"${salt}","selections":["p-12","p-7"]}`;
    expect(ballotCommitment(salt, ['p-12', 'p-7'])).toBe(toHex(sha256(new TextEncoder().encode(canonical))));
  });

  it('changes with the salt, so equal ballots give unrelated commitments', () => {
    expect(ballotCommitment('b2'.repeat(32), ['p-12'])).not.toBe(ballotCommitment(salt, ['p-12']));
  });

  it('changes with any selection, and with their order', () => {
    const committed = ballotCommitment(salt, ['p-12', 'p-7']);
    expect(ballotCommitment(salt, ['p-12'])).not.toBe(committed);
    expect(ballotCommitment(salt, ['p-12', 'p-8'])).not.toBe(committed);
    expect(ballotCommitment(salt, ['p-7', 'p-12'])).not.toBe(committed);
  });

  it('reads an opening line and refuses a short salt or an extra field', () => {
    const opening = { ballotId: 'b-1', selections: ['p-12'], salt };
    expect(openingSchema.parse(opening)).toEqual(opening);
    expect(openingSchema.safeParse({ ...opening, salt: 'a1' }).success).toBe(false);
    expect(openingSchema.safeParse({ ...opening, voter: 'x' }).success).toBe(false);
  });
});
