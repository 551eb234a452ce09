import { canonicalJson } from './canonical-json';
import { toHex } from './encoding';
import { eventLeafHash, receiptFor } from './event-leaf';
import { MerkleTree } from './merkle-tree';
import { verifyInclusion } from './proofs';
import { hashLeaf } from './rfc6962';

const ballotCast = {
  id: '0b7c6c1e-4d7e-4c55-9a51-2f1c3a1d9e10',
  type: 'BallotCast',
  data: { editionId: 'pp-2027', voter: 'c29tZS1wc2V1ZG9ueW0', selections: ['p-12', 'p-7'] },
};

describe('event leaves and receipts', () => {
  it('hashes an event as SHA-256(0x00 || UTF-8 of its canonical JSON)', () => {
    const expected = hashLeaf(new TextEncoder().encode(canonicalJson(ballotCast)));
    expect(toHex(eventLeafHash(ballotCast))).toBe(toHex(expected));
  });

  it('gives the same leaf whatever order the event’s fields arrive in', () => {
    const reordered = {
      data: { selections: ['p-12', 'p-7'], voter: 'c29tZS1wc2V1ZG9ueW0', editionId: 'pp-2027' },
      type: 'BallotCast',
      id: ballotCast.id,
    };
    expect(toHex(eventLeafHash(reordered))).toBe(toHex(eventLeafHash(ballotCast)));
  });

  it('gives a different leaf when the selections differ', () => {
    const other = { ...ballotCast, data: { ...ballotCast.data, selections: ['p-7', 'p-12'] } };
    expect(toHex(eventLeafHash(other))).not.toBe(toHex(eventLeafHash(ballotCast)));
  });

  it('makes a receipt of the ballot event’s id and leaf hash', () => {
    expect(receiptFor(ballotCast)).toEqual({ eventId: ballotCast.id, leafHash: toHex(eventLeafHash(ballotCast)) });
  });

  it('lets a resident check the receipt against the log with an inclusion proof', () => {
    const tree = new MerkleTree();
    tree.append(eventLeafHash({ id: 'e-1', type: 'EditionCreated', data: {} }));
    const position = tree.size;
    tree.append(eventLeafHash(ballotCast));
    tree.append(eventLeafHash({ id: 'e-3', type: 'PhaseAdvanced', data: { to: 'counting' } }));
    const receipt = receiptFor(ballotCast);
    const proof = tree.inclusionProof(position, tree.size);
    const leafHash = Uint8Array.from(Buffer.from(receipt.leafHash, 'hex'));
    expect(verifyInclusion(leafHash, position, tree.size, proof, tree.root())).toBe(true);
  });
});
