export { canonicalJson } from './canonical-json';
export { fromBase64, fromHex, toBase64, toHex } from './encoding';
export { type LoggedEvent, type Receipt, eventLeafHash, receiptFor } from './event-leaf';
export { type TreeNode, MerkleTree } from './merkle-tree';
export { type NodeStore, InMemoryNodeStore, SparseNodeStore } from './node-store';
export { appendToFrontier, frontierOf } from './frontier';
export { verifyConsistency, verifyInclusion } from './proofs';
export { HASH_SIZE, emptyRoot, hashChildren, hashLeaf, rootFromLeaves } from './rfc6962';
export {
  type SigningKey,
  type TreeHead,
  type UnsignedTreeHead,
  generateSigningKey,
  keyId,
  publicKeyOf,
  signTreeHead,
  verifyTreeHead,
} from './tree-head';
export {
  type ReceiptProof,
  type TreeHeadsDocument,
  receiptProof,
  treeHeadSchema,
  treeHeadsDocument,
} from './audit-documents';
export {
  type Finding,
  type FindingCode,
  type FindingParams,
  finding,
  findingMessage,
  findingMessages,
} from './findings';
export { type EditionAudit, type Verification, verifyEdition } from './verify';
export { type RedactedText, type TextsOutcome } from './verify-texts';
export { INTERVAL_REASON, headReason } from './verify-log';
export { type Sha256, useSha256 } from './sha256';
export { checkReceipt } from './verify-receipt';
