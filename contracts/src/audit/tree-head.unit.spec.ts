import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { fromBase64 } from './encoding';
import {
  type TreeHead,
  type UnsignedTreeHead,
  generateSigningKey,
  keyId,
  publicKeyOf,
  signTreeHead,
  verifyTreeHead,
} from './tree-head';

const signingKey = generateSigningKey();
const otherKey = generateSigningKey();

const unsignedHead: UnsignedTreeHead = {
  editionId: 'pp-2027',
  treeSize: 1234,
  rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  timestamp: '2027-03-01T18:00:00.000Z',
  reason: 'phase:voting',
};

const unsignedHeads: fc.Arbitrary<UnsignedTreeHead> = fc.record({
  editionId: fc.string({ minLength: 1 }),
  treeSize: fc.nat(),
  rootHash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')),
  timestamp: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  reason: fc.constantFrom('phase:proposals', 'phase:supports', 'phase:voting', 'phase:counting', 'results'),
});

const changedField = fc.constantFrom<keyof TreeHead>(
  'editionId',
  'treeSize',
  'rootHash',
  'timestamp',
  'reason',
  'keyId',
  'signature',
);

function changed(head: TreeHead, field: keyof TreeHead): TreeHead {
  if (field === 'treeSize') return { ...head, treeSize: head.treeSize + 1 };
  if (field === 'signature') {
    const signature = fromBase64(head.signature);
    signature[0]! ^= 1;
    return { ...head, signature: Buffer.from(signature).toString('base64') };
  }
  return { ...head, [field]: `${head[field]}x` };
}

describe('signed tree heads', () => {
  it('signs a head that verifies with the signer’s public key', () => {
    const head = signTreeHead(unsignedHead, signingKey.privateKey);
    expect(head).toMatchObject({ ...unsignedHead, keyId: keyId(signingKey.publicKey) });
    expect(fromBase64(head.signature)).toHaveLength(64);
    expect(verifyTreeHead(head, signingKey.publicKey)).toBe(true);
  });

  it('signs the canonical JSON of the head, so field order does not matter', () => {
    const head = signTreeHead(unsignedHead, signingKey.privateKey);
    const reordered = JSON.parse(canonicalJson(head)) as TreeHead; // keys now sorted
    expect(verifyTreeHead(reordered, signingKey.publicKey)).toBe(true);
  });

  it('fails verification when any field changes', () => {
    fc.assert(
      fc.property(unsignedHeads, changedField, (unsigned, field) => {
        const head = signTreeHead(unsigned, signingKey.privateKey);
        return (
          verifyTreeHead(head, signingKey.publicKey) && !verifyTreeHead(changed(head, field), signingKey.publicKey)
        );
      }),
      { numRuns: 50 },
    );
  });

  it('fails verification when a field is added', () => {
    const head = signTreeHead(unsignedHead, signingKey.privateKey);
    expect(verifyTreeHead({ ...head, note: 'slipped in' } as TreeHead, signingKey.publicKey)).toBe(false);
  });

  it('fails verification with another key', () => {
    const head = signTreeHead(unsignedHead, signingKey.privateKey);
    expect(verifyTreeHead(head, otherKey.publicKey)).toBe(false);
    // Even when the head claims the other key's id, the signature gives it away.
    expect(verifyTreeHead({ ...head, keyId: keyId(otherKey.publicKey) }, otherKey.publicKey)).toBe(false);
  });

  it('answers false, not an exception, for malformed keys and signatures', () => {
    const head = signTreeHead(unsignedHead, signingKey.privateKey);
    expect(verifyTreeHead(head, 'not hex')).toBe(false);
    expect(verifyTreeHead(head, signingKey.publicKey.slice(2))).toBe(false);
    expect(verifyTreeHead({ ...head, signature: '%%%' }, signingKey.publicKey)).toBe(false);
    expect(verifyTreeHead({ ...head, signature: head.signature.slice(8) }, signingKey.publicKey)).toBe(false);
  });
});

describe('signing keys', () => {
  it('encodes keys as 32 bytes of hex', () => {
    expect(signingKey.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(signingKey.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(signingKey.privateKey).not.toBe(otherKey.privateKey);
  });

  it('derives the public key as RFC 8032 does (§7.1, TEST 1)', () => {
    expect(publicKeyOf('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it('names a key by the first 16 hex characters of SHA-256 of its raw bytes', () => {
    // SHA-256 of the 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
    expect(keyId('00'.repeat(32))).toBe('66687aadf862bd77');
    expect(keyId(signingKey.publicKey)).not.toBe(keyId(otherKey.publicKey));
  });
});
