import type { ReceiptProof, TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import type { TreeHead } from '@decidimos/contracts/audit/tree-head';
import { verifyTreeHead } from '@decidimos/contracts/audit/tree-head';
import { checkReceipt } from '@decidimos/contracts/audit/verify-receipt';

/** What the receipt page tells a resident, decided by the contracts' receipt check (shared with the CLI). */
export type ReceiptVerdict =
  | { state: 'verified'; treeHead: TreeHead }
  | { state: 'pending' }
  | { state: 'failed'; cause: 'mismatch' | 'proof'; findings: string[] };

/**
 * The server is not trusted: the inclusion proof and the head's Ed25519 signature are checked
 * here, in the browser. `findings` are the verifier's own words, the same the CLI prints.
 */
export function receiptVerdict(receipt: { ballotId: string; leafHash: string }, answer: ReceiptProof): ReceiptVerdict {
  const findings = checkReceipt(receipt, answer);
  if (findings.length === 0 && answer.treeHead) return { state: 'verified', treeHead: answer.treeHead };
  if (answer.ballotId !== receipt.ballotId || answer.leafHash !== receipt.leafHash) {
    return { state: 'failed', cause: 'mismatch', findings };
  }
  if (answer.status === 'pending' || !answer.treeHead || !answer.proof) return { state: 'pending' };
  return { state: 'failed', cause: 'proof', findings };
}

/** Each published head's signature against the key published with them. */
export function headSignatures(document: TreeHeadsDocument): boolean[] {
  return document.treeHeads.map((head) => verifyTreeHead(head, document.publicKey));
}
