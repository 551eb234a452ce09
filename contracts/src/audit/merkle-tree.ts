import { type NodeStore, InMemoryNodeStore } from './node-store';
import { HASH_SIZE, emptyRoot, hashChildren, largestPowerOfTwoBelow } from './rfc6962';

/** A complete-subtree hash created by an append, for the caller to persist. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

/**
 * The append-only RFC 9162 Merkle tree of an edition's log. Every complete subtree is stored
 * once, when its last leaf arrives; since an append-only tree never changes a complete
 * subtree, roots and proofs for any earlier size come from the same nodes in O(log n) reads.
 */
export class MerkleTree {
  /**
   * @param store holds the nodes; pass a store that already holds a tree's nodes together
   *   with that tree's `size` to resume it.
   */
  constructor(
    private readonly store: NodeStore = new InMemoryNodeStore(),
    private treeSize = 0,
  ) {
    assertSize(treeSize, 'size');
  }

  get size(): number {
    return this.treeSize;
  }

  /** Adds the next leaf in O(log n); returns the nodes it created, the leaf first. */
  append(leafHash: Uint8Array): TreeNode[] {
    if (leafHash.length !== HASH_SIZE)
      throw new RangeError(`a leaf hash has ${HASH_SIZE} bytes, got ${leafHash.length}`);
    let node: TreeNode = { level: 0, index: this.treeSize, hash: leafHash };
    const created = [node];
    this.store.set(0, node.index, node.hash);
    // A right child completes its parent; walk up while the new node is one.
    while (node.index % 2 === 1) {
      const left = this.node(node.level, node.index - 1);
      node = { level: node.level + 1, index: (node.index - 1) / 2, hash: hashChildren(left, node.hash) };
      this.store.set(node.level, node.index, node.hash);
      created.push(node);
    }
    this.treeSize++;
    return created;
  }

  /** The root at `treeSize` (default: now). */
  root(treeSize = this.treeSize): Uint8Array {
    this.assertWithinTree(treeSize, 'treeSize');
    if (treeSize === 0) return emptyRoot();
    return this.rangeHash(0, treeSize);
  }

  /** RFC 9162 §2.1.3.1 audit path, deepest sibling first. */
  inclusionProof(leafIndex: number, treeSize: number): Uint8Array[] {
    this.assertWithinTree(treeSize, 'treeSize');
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
      throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
    }
    const path: Uint8Array[] = [];
    let start = 0;
    let size = treeSize;
    let index = leafIndex;
    while (size > 1) {
      const k = largestPowerOfTwoBelow(size);
      if (index < k) {
        path.push(this.rangeHash(start + k, size - k));
        size = k;
      } else {
        path.push(this.rangeHash(start, k));
        start += k;
        size -= k;
        index -= k;
      }
    }
    return path.reverse();
  }

  /** RFC 9162 §2.1.4.1 proof that the tree at `oldSize` is a prefix of the tree at `newSize`. */
  consistencyProof(oldSize: number, newSize: number): Uint8Array[] {
    this.assertWithinTree(newSize, 'newSize');
    assertSize(oldSize, 'oldSize');
    if (oldSize > newSize) throw new RangeError(`oldSize ${oldSize} is larger than newSize ${newSize}`);
    if (oldSize === 0 || oldSize === newSize) return [];
    const proof: Uint8Array[] = [];
    let start = 0;
    let size = newSize;
    let remaining = oldSize;
    // While the old tree is a complete subtree of the left edge, its root is the old root and
    // the verifier already has it (the RFC's `b` flag).
    let oldRootKnown = true;
    while (remaining !== size) {
      const k = largestPowerOfTwoBelow(size);
      if (remaining <= k) {
        proof.push(this.rangeHash(start + k, size - k));
        size = k;
      } else {
        proof.push(this.rangeHash(start, k));
        start += k;
        size -= k;
        remaining -= k;
        oldRootKnown = false;
      }
    }
    if (!oldRootKnown) proof.push(this.rangeHash(start, remaining));
    return proof.reverse();
  }

  /**
   * MTH of leaves [start, start + size), where start is aligned to the power of two at or
   * above size (true of every range the RFC recursion visits): the complete subtrees of the
   * binary decomposition of size, folded from the right.
   */
  private rangeHash(start: number, size: number): Uint8Array {
    const subtrees: Uint8Array[] = [];
    let position = start;
    let remaining = size;
    for (let level = highestLevelWithin(size); level >= 0; level--) {
      const width = 2 ** level;
      if (remaining < width) continue;
      subtrees.push(this.node(level, position / width));
      position += width;
      remaining -= width;
    }
    let hash = subtrees.pop()!;
    for (let left = subtrees.pop(); left !== undefined; left = subtrees.pop()) hash = hashChildren(left, hash);
    return hash;
  }

  private node(level: number, index: number): Uint8Array {
    const hash = this.store.get(level, index);
    if (hash === undefined) throw new Error(`the node store lacks node (${level}, ${index})`);
    return hash;
  }

  private assertWithinTree(treeSize: number, name: string): void {
    assertSize(treeSize, name);
    if (treeSize > this.treeSize)
      throw new RangeError(`${name} ${treeSize} exceeds the tree's ${this.treeSize} leaves`);
  }
}

function assertSize(size: number, name: string): void {
  if (!Number.isSafeInteger(size) || size < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${size}`);
}

/** The largest level whose subtrees (2^level leaves) fit in size leaves, for size >= 1. */
function highestLevelWithin(size: number): number {
  let level = 0;
  while (2 ** (level + 1) <= size) level++;
  return level;
}
