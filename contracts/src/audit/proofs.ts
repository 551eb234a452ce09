import { HASH_SIZE, emptyRoot, hashChildren, sameHash } from './rfc6962';

/**
 * Verifiers for outsiders (the SPA checking a receipt, the audit CLI), written from
 * RFC 9162 §2.1.3.2 and §2.1.4.2 rather than from the tree code they check. Pure; they
 * answer false on any malformed input instead of throwing.
 */

/** Does `proof` show leaf `leafIndex` with hash `leafHash` inside the tree of `treeSize` with `root`? */
export function verifyInclusion(
  leafHash: Uint8Array,
  leafIndex: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isIndex(leafIndex) || !isIndex(treeSize) || leafIndex >= treeSize) return false;
  if (![leafHash, root, ...proof].every(isHash)) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let hash = leafHash;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      hash = hashChildren(sibling, hash);
      // A left child on the right edge has no right sibling: climb until it is a right child.
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      hash = hashChildren(hash, sibling);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameHash(hash, root);
}

/** Does `proof` show the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`? */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isIndex(oldSize) || !isIndex(newSize) || oldSize > newSize) return false;
  if (![oldRoot, newRoot, ...proof].every(isHash)) return false;
  // The RFC algorithm covers 0 < oldSize < newSize; the edges need no proof at all.
  if (oldSize === newSize) return proof.length === 0 && sameHash(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && sameHash(oldRoot, emptyRoot());
  if (proof.length === 0) return false;

  // When the old tree is a complete subtree, the proof leaves out its root: the verifier has it.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let oldHash = path[0]!;
  let newHash = path[0]!;
  for (const node of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      oldHash = hashChildren(node, oldHash);
      newHash = hashChildren(node, newHash);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      newHash = hashChildren(newHash, node);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameHash(oldHash, oldRoot) && sameHash(newHash, newRoot);
}

// Arithmetic rather than bit operators, which would truncate sizes to 32 bits.
function half(n: number): number {
  return Math.floor(n / 2);
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function isPowerOfTwo(n: number): boolean {
  let power = 1;
  while (power < n) power *= 2;
  return power === n;
}

function isIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function isHash(hash: Uint8Array): boolean {
  return hash.length === HASH_SIZE;
}
