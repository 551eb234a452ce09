import { sha256 } from './sha256';

/** RFC 6962 / RFC 9162 §2.1.1 Merkle tree hashing with SHA-256. */

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** SHA-256(0x00 || data): the domain prefix keeps a leaf from passing for an inner node. */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x00 || utf8(text)) without encoding the text apart: U+0000 is the byte 0x00. */
export function hashLeafText(text: string): Uint8Array {
  return sha256(`\u0000${text}`);
}

// Reused by every hashChildren call (the hash is synchronous): a million fewer allocations per city.
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = NODE_PREFIX;

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    const input = new Uint8Array(1 + left.length + right.length);
    input[0] = NODE_PREFIX;
    input.set(left, 1);
    input.set(right, 1 + left.length);
    return sha256(input);
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

/** The root of the tree with no leaves: SHA-256 of the empty string. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** The k of RFC 6962: the largest power of two smaller than n, for n >= 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The root straight from the RFC's recursive definition, independent of `MerkleTree`, so an
 * auditor can recompute it from a whole export.
 */
export function rootFromLeaves(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, size: number): Uint8Array {
  if (size === 1) return leafHashes[start]!;
  const k = largestPowerOfTwoBelow(size);
  return hashChildren(subtreeRoot(leafHashes, start, k), subtreeRoot(leafHashes, start + k, size - k));
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
