import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from './canonical-json';
import { fromBase64, fromHex, toBase64, toHex } from './encoding';

/** A signed statement of the edition's log: its size and root at a phase change or at results. */
export interface TreeHead {
  editionId: string;
  treeSize: number;
  /** Hex of the Merkle root at `treeSize`. */
  rootHash: string;
  /** ISO 8601. */
  timestamp: string;
  /** Why the head was signed, e.g. 'phase:voting' or 'results'. */
  reason: string;
  /** `keyId` of the public key that verifies it. */
  keyId: string;
  /** Base64 of the Ed25519 signature over the canonical JSON of the head without `signature`. */
  signature: string;
}

/** What the signer provides; `keyId` and `signature` follow from the key. */
export type UnsignedTreeHead = Omit<TreeHead, 'keyId' | 'signature'>;

/** Hex of the 32-byte Ed25519 seed and of the 32-byte raw public key. */
export interface SigningKey {
  privateKey: string;
  publicKey: string;
}

// RFC 8032 strict verification (not ZIP 215): one valid encoding per signature.
const STRICT = { zip215: false };

export function generateSigningKey(): SigningKey {
  const { secretKey, publicKey } = ed25519.keygen();
  return { privateKey: toHex(secretKey), publicKey: toHex(publicKey) };
}

export function publicKeyOf(privateKey: string): string {
  return toHex(ed25519.getPublicKey(fromHex(privateKey)));
}

/** Names a public key in tree heads: the first 16 hex characters of SHA-256 of the raw key. */
export function keyId(publicKey: string): string {
  return toHex(sha256(fromHex(publicKey))).slice(0, 16);
}

export function signTreeHead(unsigned: UnsignedTreeHead, privateKey: string): TreeHead {
  const payload = { ...unsigned, keyId: keyId(publicKeyOf(privateKey)) };
  const signature = ed25519.sign(signedBytes(payload), fromHex(privateKey));
  return { ...payload, signature: toBase64(signature) };
}

/** True only when `publicKey` is the key the head names and its signature covers every other field. */
export function verifyTreeHead(head: TreeHead, publicKey: string): boolean {
  const { signature, ...payload } = head;
  try {
    if (payload.keyId !== keyId(publicKey)) return false;
    return ed25519.verify(fromBase64(signature), signedBytes(payload), fromHex(publicKey), STRICT);
  } catch {
    // Malformed hex, base64 or key bytes: not a valid head.
    return false;
  }
}

function signedBytes(payload: Omit<TreeHead, 'signature'>): Uint8Array {
  return new TextEncoder().encode(canonicalJson(payload));
}
