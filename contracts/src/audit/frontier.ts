import type { TreeNode } from './merkle-tree';
import { HASH_SIZE, hashChildren } from './rfc6962';

/**
 * The complete subtrees that make up a tree of `size` leaves, largest first: one per set bit
 * of `size`. Appending a leaf or computing the root reads only these, so a log that keeps them
 * beside its size grows in O(log n) per event without reading the rest of the tree.
 */
export function frontierOf(size: number): { level: number; index: number }[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a non-negative integer, got ${size}`);
  const subtrees: { level: number; index: number }[] = [];
  let position = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (position + width > size) continue;
    subtrees.push({ level, index: position / width });
    position += width;
  }
  return subtrees;
}

/**
 * Appends a leaf to a tree of `size` leaves known only by its frontier (`hashes`, in the
 * order of frontierOf): the frontier of `size + 1` leaves and the nodes the append
 * completed, the leaf first, as MerkleTree.append gives them. Nothing passed in changes,
 * so a caller whose later step fails still holds the tree as it was.
 */
export function appendToFrontier(
  size: number,
  hashes: readonly Uint8Array[],
  leafHash: Uint8Array,
): { hashes: Uint8Array[]; created: TreeNode[] } {
  if (leafHash.length !== HASH_SIZE) throw new RangeError(`a leaf hash has ${HASH_SIZE} bytes, got ${leafHash.length}`);
  let subtrees = 0;
  for (let rest = size; rest > 0; rest = Math.floor(rest / 2)) subtrees += rest % 2;
  if (hashes.length !== subtrees)
    throw new RangeError(`a frontier of ${hashes.length} hashes is not that of ${size} leaves`);
  const frontier = hashes.slice();
  let node: TreeNode = { level: 0, index: size, hash: leafHash };
  const created = [node];
  // The smallest subtree of the frontier is the left sibling of each node that is a right child.
  while (node.index % 2 === 1) {
    node = { level: node.level + 1, index: (node.index - 1) / 2, hash: hashChildren(frontier.pop()!, node.hash) };
    created.push(node);
  }
  frontier.push(node.hash);
  return { hashes: frontier, created };
}
