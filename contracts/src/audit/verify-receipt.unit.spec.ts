import type { ReceiptProof } from './audit-documents';
import { toHex } from './encoding';
import { MerkleTree } from './merkle-tree';
import { hashLeaf } from './rfc6962';
import { generateSigningKey, signTreeHead } from './tree-head';
import { checkReceipt } from './verify-receipt';

const key = generateSigningKey();
const leaves = Array.from({ length: 11 }, (_, i) => hashLeaf(new TextEncoder().encode(`event ${i}`)));
const tree = new MerkleTree();
for (const leaf of leaves) tree.append(leaf);
const head = signTreeHead(
  {
    editionId: 'pp-2027',
    treeSize: 11,
    rootHash: toHex(tree.root()),
    timestamp: '2027-03-01T18:00:00.000Z',
    reason: 'phase:counting',
  },
  key.privateKey,
);
const receipt = { ballotId: '0b7c6c1e-4d7e-4c55-9a51-2f1c3a1d9e10', leafHash: toHex(leaves[6]!) };
const answer: ReceiptProof = {
  receipt: `${receipt.ballotId}.${receipt.leafHash}`,
  ...receipt,
  editionId: 'pp-2027',
  matches: true,
  leafIndex: 6,
  current: true,
  status: 'included',
  treeHead: head,
  publicKey: key.publicKey,
  proof: tree.inclusionProof(6, 11).map(toHex),
};

describe('checking a ballot receipt', () => {
  it('holds when the proof leads from the ballot to a signed root', () => {
    expect(checkReceipt(receipt, answer)).toEqual([]);
  });

  it('names a recorded ballot other than the receipt’s', () => {
    expect(checkReceipt(receipt, { ...answer, leafHash: toHex(leaves[5]!) })).toEqual([
      'the recorded ballot differs from the receipt (leaf hash mismatch)',
    ]);
  });

  it('names a proof that does not lead to the root, and a head another key signed', () => {
    expect(checkReceipt(receipt, { ...answer, leafIndex: 7 })).toEqual(['the inclusion proof fails']);
    expect(checkReceipt(receipt, answer, generateSigningKey().publicKey)).toEqual([
      'the tree head signature does not verify',
    ]);
  });

  it('says when no signed head covers the ballot yet', () => {
    expect(checkReceipt(receipt, { ...answer, status: 'pending', treeHead: null, proof: null })).toEqual([
      'not yet covered by a signed tree head (the next one is signed when voting closes)',
    ]);
  });
});
