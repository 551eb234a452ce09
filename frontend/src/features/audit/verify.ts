import { fromHex } from '@decidimos/contracts/audit/encoding';
import { eventLeafHash } from '@decidimos/contracts/audit/event-leaf';
import { verifyInclusion } from '@decidimos/contracts/audit/proofs';
import { rootFromLeaves, sameHash } from '@decidimos/contracts/audit/rfc6962';
import { parseReceipt } from '@decidimos/contracts/events/public-event';
import type { ReceiptProof } from './api/get-receipt-proof';

export type ReceiptVerdict = 'verified' | 'leaf-mismatch' | 'proof-fails';

/**
 * Checks in the browser, with the contracts' RFC 9162 verifier, that the ballot the receipt
 * names is a leaf of the tree the signed head commits to. The server is not trusted: a
 * proof that does not lead to the signed root fails here.
 */
export function verifyReceipt(receipt: string, answer: ReceiptProof): ReceiptVerdict {
  const parsed = parseReceipt(receipt.trim());
  if (!parsed || parsed.leafHash !== answer.leafHash.toLowerCase()) return 'leaf-mismatch';
  if (answer.treeSize !== answer.treeHead.treeSize) return 'proof-fails';
  try {
    const ok = verifyInclusion(
      fromHex(answer.leafHash),
      answer.leafIndex,
      answer.treeSize,
      answer.proof.map(fromHex),
      fromHex(answer.treeHead.rootHash),
    );
    return ok ? 'verified' : 'proof-fails';
  } catch {
    return 'proof-fails';
  }
}

/** The root of the first `size` events of an exported log, recomputed here from the events themselves. */
export function rootOfPrefix(leaves: readonly Uint8Array[], size: number): Uint8Array {
  return rootFromLeaves(leaves.slice(0, size));
}

/** Leaf hashes of a JSON Lines export, in log order. Throws on a line that is not JSON. */
export function leavesOfExport(jsonLines: string): Uint8Array[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => eventLeafHash(JSON.parse(line)));
}

export function matchesRoot(leaves: readonly Uint8Array[], size: number, rootHex: string): boolean {
  if (size > leaves.length) return false;
  try {
    return sameHash(rootOfPrefix(leaves, size), fromHex(rootHex));
  } catch {
    return false;
  }
}
