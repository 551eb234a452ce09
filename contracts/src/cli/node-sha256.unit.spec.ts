import fc from 'fast-check';
import { portableSha256 } from '../audit/sha256';
import { nodeSha256 } from './node-sha256';

describe('the SHA-256 the bin installs', () => {
  it('gives the portable hash’s digests, of bytes and of strings as UTF-8, as plain Uint8Arrays', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array(), fc.string({ unit: 'grapheme' })), (data) => {
        const native = nodeSha256(data);
        expect(native.constructor).toBe(Uint8Array);
        expect(native).toEqual(portableSha256(data));
      }),
    );
    // The empty string, and the byte 0x00 written as U+0000 (how leaf hashes prefix an event's text).
    expect(nodeSha256('')).toEqual(portableSha256(new Uint8Array(0)));
    expect(nodeSha256('\u0000{}')).toEqual(portableSha256(Uint8Array.of(0, 0x7b, 0x7d)));
  });
});
