import type { ReceiptProof } from '@decidimos/contracts/audit/audit-documents';
import { toHex } from '@decidimos/contracts/audit/encoding';
import { eventLeafHash } from '@decidimos/contracts/audit/event-leaf';
import { MerkleTree } from '@decidimos/contracts/audit/merkle-tree';
import { publicKeyOf, signTreeHead } from '@decidimos/contracts/audit/tree-head';

// A small signed edition log, built with the contracts' own tree and signer: the ballot is event 5 of 7.
export const SIGNING_KEY = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
export const PUBLIC_KEY = publicKeyOf(SIGNING_KEY);
export const EDITION = 'pp-2027';

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

export const ballot = { ballotId: events[5]!.id, leafHash: toHex(eventLeafHash(events[5])) };
export const receipt = `${ballot.ballotId}.${ballot.leafHash}`;
export const otherLeafHash = toHex(eventLeafHash(events[4]));

export const treeHead = signTreeHead(
  {
    editionId: EDITION,
    treeSize: 7,
    rootHash: toHex(tree.root(7)),
    timestamp: '2027-05-02T00:00:00.000Z',
    reason: 'phase:counting',
  },
  SIGNING_KEY,
);

/** The server's answer for the receipt once the head signed at voting's close covers it. */
export function includedAnswer(overrides: Partial<ReceiptProof> = {}): ReceiptProof {
  return {
    receipt,
    ...ballot,
    editionId: EDITION,
    matches: true,
    leafIndex: 5,
    current: true,
    replaced: false,
    counted: null,
    status: 'included',
    treeHead,
    treeHeadIntervalSeconds: 60,
    publicKey: PUBLIC_KEY,
    proof: tree.inclusionProof(5, 7).map(toHex),
    ...overrides,
  };
}

/** The answer during voting: recorded, no signed head covers it yet. */
export function pendingAnswer(overrides: Partial<ReceiptProof> = {}): ReceiptProof {
  return includedAnswer({ status: 'pending', treeHead: null, proof: null, ...overrides });
}

/** The log as GET …/audit/export serves it. */
export const exportText = events.map((event) => `${JSON.stringify(event)}\n`).join('');
