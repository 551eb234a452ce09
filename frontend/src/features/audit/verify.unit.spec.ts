import { toHex } from '@decidimos/contracts/audit/encoding';
import { eventLeafHash } from '@decidimos/contracts/audit/event-leaf';
import { MerkleTree } from '@decidimos/contracts/audit/merkle-tree';
import type { ReceiptProof } from './api/get-receipt-proof';
import { leavesOfExport, matchesRoot, verifyReceipt } from './verify';

// A small edition log: the receipt's ballot is event 5 of 7.
const events = Array.from({ length: 7 }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  type: i === 5 ? 'BallotCast' : 'ProposalSubmitted',
  schemaVersion: 1,
  stream: `stream-${i}`,
  revision: 0,
  recordedAt: '2027-05-01T12:00:00.000Z',
  data: { n: i },
}));
const tree = new MerkleTree();
for (const event of events) tree.append(eventLeafHash(event));
const leafHash = toHex(eventLeafHash(events[5]));
const receipt = `${events[5]!.id}.${leafHash}`;

function answer(overrides: Partial<ReceiptProof> = {}): ReceiptProof {
  return {
    leafHash,
    leafIndex: 5,
    treeSize: 7,
    proof: tree.inclusionProof(5, 7).map(toHex),
    treeHead: {
      editionId: 'pp-2027',
      treeSize: 7,
      rootHash: toHex(tree.root(7)),
      timestamp: '2027-05-02T00:00:00.000Z',
      reason: 'phase:counting',
      keyId: 'k',
      signature: 's',
    },
    ...overrides,
  };
}

describe('checking a receipt in the browser', () => {
  it('accepts a proof that leads from the ballot to the signed root', () => {
    expect(verifyReceipt(receipt, answer())).toBe('verified');
  });

  it('rejects a proof for another position', () => {
    expect(verifyReceipt(receipt, answer({ leafIndex: 4 }))).toBe('proof-fails');
  });

  it('rejects an answer about another ballot', () => {
    const other = toHex(eventLeafHash(events[4]));
    expect(verifyReceipt(receipt, answer({ leafHash: other }))).toBe('leaf-mismatch');
  });

  it('rejects a root the proof does not reach, and a tree head of another size', () => {
    const head = answer().treeHead;
    expect(verifyReceipt(receipt, answer({ treeHead: { ...head, rootHash: toHex(tree.root(6)) } }))).toBe(
      'proof-fails',
    );
    expect(verifyReceipt(receipt, answer({ treeHead: { ...head, treeSize: 6 } }))).toBe('proof-fails');
    expect(verifyReceipt(receipt, answer({ proof: ['zz'] }))).toBe('proof-fails');
  });
});

describe('checking an export against tree heads', () => {
  const jsonLines = events.map((e) => JSON.stringify(e)).join('\n') + '\n';

  it('recomputes every signed prefix of the log from the events themselves', () => {
    const leaves = leavesOfExport(jsonLines);
    expect(matchesRoot(leaves, 7, toHex(tree.root(7)))).toBe(true);
    expect(matchesRoot(leaves, 3, toHex(tree.root(3)))).toBe(true);
  });

  it('notices an edited event or a head longer than the export', () => {
    const edited = jsonLines.replace('"n":2', '"n":20');
    expect(matchesRoot(leavesOfExport(edited), 7, toHex(tree.root(7)))).toBe(false);
    expect(matchesRoot(leavesOfExport(jsonLines), 8, toHex(tree.root(7)))).toBe(false);
  });
});
