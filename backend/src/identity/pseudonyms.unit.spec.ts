import { createHmac } from 'node:crypto';
import { PSEUDONYM_PURPOSES, pseudonym, staffPseudonym } from './pseudonyms';

const key = Buffer.alloc(32, 7);
const curp = 'GAML900101MNLRPR09';

describe('pseudonyms', () => {
  it('are HMAC-SHA256 over purpose, edition and upper-case CURP', () => {
    const expected = createHmac('sha256', key).update(`ballot:pp-2027:${curp}`).digest('hex');
    expect(pseudonym(key, 'ballot', 'pp-2027', curp.toLowerCase())).toBe(expected);
  });

  it('differ per purpose and per edition for the same person, and from the staff pseudonym', () => {
    const all = ['pp-2027', 'pp-2028'].flatMap((edition) =>
      PSEUDONYM_PURPOSES.map((purpose) => pseudonym(key, purpose, edition, curp)),
    );
    expect(new Set([...all, staffPseudonym(key, curp)]).size).toBe(2 * PSEUDONYM_PURPOSES.length + 1);
  });
});
