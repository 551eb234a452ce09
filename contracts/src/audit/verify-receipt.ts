import type { ReceiptProof } from './audit-documents';
import { fromHex } from './encoding';
import { verifyInclusion } from './proofs';
import { verifyTreeHead } from './tree-head';

/**
 * Checks a resident's receipt against the server's answer for it: the ballot recorded is
 * the one the receipt names, a signed tree head covers it, and the inclusion proof leads
 * from its leaf to that head's root. Empty when all holds. The SPA and the CLI share it.
 */
export function checkReceipt(
  receipt: { ballotId: string; leafHash: string },
  answer: ReceiptProof,
  publicKey: string = answer.publicKey,
): string[] {
  if (answer.ballotId !== receipt.ballotId) return ['the server answered for another ballot'];
  if (answer.leafHash !== receipt.leafHash)
    return ['the recorded ballot differs from the receipt (leaf hash mismatch)'];
  if (answer.status === 'pending' || !answer.treeHead || !answer.proof) {
    return ['not yet covered by a signed tree head (the next one is signed when voting closes)'];
  }
  const findings: string[] = [];
  if (!verifyTreeHead(answer.treeHead, publicKey)) findings.push('the tree head signature does not verify');
  const included = verifyInclusion(
    fromHex(receipt.leafHash),
    answer.leafIndex,
    answer.treeHead.treeSize,
    answer.proof.map((hash) => fromHex(hash)),
    fromHex(answer.treeHead.rootHash),
  );
  if (!included) findings.push('the inclusion proof fails');
  return findings;
}
