import fc from 'fast-check';
import { toHex } from './encoding';
import { frontierOf } from './frontier';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore, SparseNodeStore, type NodeStore } from './node-store';
import { verifyConsistency, verifyInclusion } from './proofs';
import { HASH_SIZE, hashLeaf, rootFromLeaves } from './rfc6962';

const MAX_SIZE = 300;
const leafHashes = Array.from({ length: MAX_SIZE }, (_, i) => hashLeaf(new TextEncoder().encode(`event ${i}`)));

// One tree of MAX_SIZE leaves answers for every smaller size too: that is the point of it.
const tree = new MerkleTree();
for (const leafHash of leafHashes) tree.append(leafHash);

const sizes = fc.integer({ min: 1, max: MAX_SIZE });
const leafInTree = sizes.chain((treeSize) =>
  fc.record({ treeSize: fc.constant(treeSize), leafIndex: fc.nat(treeSize - 1) }),
);
const sizePair = fc
  .tuple(fc.integer({ min: 0, max: MAX_SIZE }), fc.integer({ min: 0, max: MAX_SIZE }))
  .map(([a, b]) => ({ oldSize: Math.min(a, b), newSize: Math.max(a, b) }));

function flipBit(hash: Uint8Array, bit: number): Uint8Array {
  const flipped = hash.slice();
  flipped[Math.floor(bit / 8) % HASH_SIZE]! ^= 1 << (bit % 8);
  return flipped;
}

class CountingStore implements NodeStore {
  reads = 0;
  constructor(private readonly inner: NodeStore) {}
  get(level: number, index: number): Uint8Array | undefined {
    this.reads++;
    return this.inner.get(level, index);
  }
  set(level: number, index: number, hash: Uint8Array): void {
    this.inner.set(level, index, hash);
  }
}

describe('MerkleTree', () => {
  it('has the root of the RFC definition after every append', () => {
    const growing = new MerkleTree();
    leafHashes.forEach((leafHash, i) => {
      growing.append(leafHash);
      expect(toHex(growing.root())).toBe(toHex(rootFromLeaves(leafHashes.slice(0, i + 1))));
    });
  });

  it('still answers the root of every earlier size', () => {
    fc.assert(
      fc.property(sizes, (size) => toHex(tree.root(size)) === toHex(rootFromLeaves(leafHashes.slice(0, size)))),
    );
  });

  it('proves every leaf of every size', () => {
    fc.assert(
      fc.property(sizes, (treeSize) => {
        const root = tree.root(treeSize);
        for (let leafIndex = 0; leafIndex < treeSize; leafIndex++) {
          const proof = tree.inclusionProof(leafIndex, treeSize);
          if (!verifyInclusion(leafHashes[leafIndex]!, leafIndex, treeSize, proof, root)) return false;
          if (proof.length > Math.ceil(Math.log2(treeSize))) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  // Not the size: the RFC proof binds the size only through the root, so e.g. leaf 0's proof
  // in a tree of 5 also checks out for a tree of 6 with that same root. Tree heads sign both.
  it('refuses an inclusion proof for another leaf, index or root, or with a changed path', () => {
    fc.assert(
      fc.property(leafInTree, fc.nat(255), ({ treeSize, leafIndex }, bit) => {
        const proof = tree.inclusionProof(leafIndex, treeSize);
        const leaf = leafHashes[leafIndex]!;
        const root = tree.root(treeSize);
        const otherLeaf = leafHashes[(leafIndex + 1) % MAX_SIZE]!;
        const otherIndices = [leafIndex - 1, leafIndex + 1, leafIndex ^ 2].filter((i) => i !== leafIndex);
        expect(verifyInclusion(otherLeaf, leafIndex, treeSize, proof, root)).toBe(false);
        expect(verifyInclusion(flipBit(leaf, bit), leafIndex, treeSize, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, leafIndex, treeSize, proof, flipBit(root, bit))).toBe(false);
        for (const index of otherIndices) expect(verifyInclusion(leaf, index, treeSize, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, leafIndex, treeSize, [...proof, root], root)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(leaf, leafIndex, treeSize, proof.slice(1), root)).toBe(false);
          const tampered = proof.map((hash, i) => (i === bit % proof.length ? flipBit(hash, bit) : hash));
          expect(verifyInclusion(leaf, leafIndex, treeSize, tampered, root)).toBe(false);
        }
      }),
    );
  });

  it('proves every earlier size consistent with every later one', () => {
    fc.assert(
      fc.property(sizePair, ({ oldSize, newSize }) => {
        const proof = tree.consistencyProof(oldSize, newSize);
        return verifyConsistency(oldSize, newSize, tree.root(oldSize), tree.root(newSize), proof);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a consistency proof against a tampered root or with a tampered node', () => {
    fc.assert(
      fc.property(sizePair, fc.nat(255), ({ oldSize, newSize }, bit) => {
        // Nothing binds a new root to the empty tree: any tree extends it.
        fc.pre(oldSize > 0);
        const proof = tree.consistencyProof(oldSize, newSize);
        const [oldRoot, newRoot] = [tree.root(oldSize), tree.root(newSize)];
        expect(verifyConsistency(oldSize, newSize, flipBit(oldRoot, bit), newRoot, proof)).toBe(false);
        expect(verifyConsistency(oldSize, newSize, oldRoot, flipBit(newRoot, bit), proof)).toBe(false);
        if (proof.length > 0) {
          const tampered = proof.map((hash, i) => (i === bit % proof.length ? flipBit(hash, bit) : hash));
          expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, tampered)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to prove a history that was rewritten', () => {
    fc.assert(
      fc.property(sizePair, fc.nat(MAX_SIZE - 1), ({ oldSize, newSize }, rewritten) => {
        fc.pre(oldSize > 0 && rewritten < oldSize);
        const forked = new MerkleTree();
        leafHashes
          .slice(0, newSize)
          .forEach((leafHash, i) => forked.append(i === rewritten ? flipBit(leafHash, 0) : leafHash));
        const proof = forked.consistencyProof(oldSize, newSize);
        expect(verifyConsistency(oldSize, newSize, tree.root(oldSize), forked.root(newSize), proof)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('reads O(log n) nodes for a root or a proof', () => {
    const store = new CountingStore(new InMemoryNodeStore());
    const counted = new MerkleTree(store);
    for (const leafHash of leafHashes) counted.append(leafHash);
    const readsFor = (work: () => unknown) => {
      store.reads = 0;
      work();
      return store.reads;
    };
    fc.assert(
      fc.property(sizePair, fc.nat(), ({ oldSize, newSize }, seed) => {
        fc.pre(newSize > 0);
        const bound = 3 * Math.ceil(Math.log2(newSize + 1));
        expect(readsFor(() => counted.root(newSize))).toBeLessThanOrEqual(bound);
        expect(readsFor(() => counted.inclusionProof(seed % newSize, newSize))).toBeLessThanOrEqual(bound);
        expect(readsFor(() => counted.consistencyProof(oldSize, newSize))).toBeLessThanOrEqual(bound);
      }),
    );
  });
});

describe('MerkleTree and its node store', () => {
  it('hands every node it creates to the store and to the caller', () => {
    const store = new InMemoryNodeStore();
    const grown = new MerkleTree(store);
    const created = leafHashes.slice(0, 8).flatMap((leafHash) => grown.append(leafHash));
    expect(created.map(({ level, index }) => `${level}/${index}`).sort()).toEqual(
      ['0/0', '0/1', '0/2', '0/3', '0/4', '0/5', '0/6', '0/7', '1/0', '1/1', '1/2', '1/3', '2/0', '2/1', '3/0'].sort(),
    );
    for (const node of created) expect(toHex(store.get(node.level, node.index)!)).toBe(toHex(node.hash));
    expect(toHex(store.get(3, 0)!)).toBe(toHex(grown.root()));
  });

  it('resumes from persisted nodes and keeps growing the same tree', () => {
    const persisted = new InMemoryNodeStore();
    const first = new MerkleTree();
    for (const leafHash of leafHashes.slice(0, 137)) {
      for (const node of first.append(leafHash)) persisted.set(node.level, node.index, node.hash);
    }
    const resumed = new MerkleTree(persisted, 137);
    for (const leafHash of leafHashes.slice(137)) resumed.append(leafHash);
    expect(toHex(resumed.root())).toBe(toHex(tree.root()));
    expect(toHex(resumed.root(137))).toBe(toHex(first.root()));
  });

  it('grows from its frontier alone: a sparse store holding only the frontier appends and roots like a full one', () => {
    let frontier = new SparseNodeStore();
    let size = 0;
    for (const leafHash of leafHashes) {
      const grown = new MerkleTree(frontier, size);
      grown.append(leafHash);
      size = grown.size;
      const next = new SparseNodeStore();
      for (const { level, index } of frontierOf(size)) next.set(level, index, frontier.get(level, index)!);
      frontier = next;
      expect(toHex(new MerkleTree(frontier, size).root())).toBe(toHex(tree.root(size)));
    }
    expect(frontier.get(0, 0)).toBeUndefined();
    expect(() => frontier.set(0, 0, new Uint8Array(31))).toThrow(RangeError);
  });

  it('says which node is missing when the store lost one', () => {
    const resumed = new MerkleTree(new InMemoryNodeStore(), 5);
    expect(() => resumed.root()).toThrow('the node store lacks node (2, 0)');
  });

  it('refuses sizes and indices outside the tree', () => {
    expect(() => tree.root(MAX_SIZE + 1)).toThrow(RangeError);
    expect(() => tree.inclusionProof(10, 10)).toThrow(RangeError);
    expect(() => tree.inclusionProof(-1, 10)).toThrow(RangeError);
    expect(() => tree.consistencyProof(11, 10)).toThrow(RangeError);
    expect(() => tree.consistencyProof(1, MAX_SIZE + 1)).toThrow(RangeError);
    expect(() => new MerkleTree().append(new Uint8Array(31))).toThrow(RangeError);
  });
});
