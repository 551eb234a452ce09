import { toHex } from './encoding';
import { appendToFrontier, frontierOf } from './frontier';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';
import { hashLeaf } from './rfc6962';

const leaf = (i: number) => hashLeaf(new TextEncoder().encode(`event ${i}`));

describe('the frontier of a tree', () => {
  it('is one complete subtree per set bit of the size, largest first', () => {
    expect(frontierOf(0)).toEqual([]);
    expect(frontierOf(1)).toEqual([{ level: 0, index: 0 }]);
    expect(frontierOf(6)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
    ]);
    expect(frontierOf(8)).toEqual([{ level: 3, index: 0 }]);
    expect(frontierOf(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
  });

  it('is all a tree needs to append and give its root', () => {
    const full = new MerkleTree();
    let frontier = new InMemoryNodeStore();
    for (let size = 0; size < 70; size++) {
      // Resume from the frontier alone, as the audit projection does from its stored document.
      const resumed = new MerkleTree(frontier, size);
      const created = resumed.append(leaf(size));
      full.append(leaf(size));
      expect(toHex(resumed.root())).toBe(toHex(full.root()));
      const next = new InMemoryNodeStore();
      for (const { level, index } of frontierOf(size + 1)) {
        const hash = created.find((n) => n.level === level && n.index === index)?.hash ?? frontier.get(level, index);
        next.set(level, index, hash!);
      }
      frontier = next;
    }
  });

  it('appends a leaf as MerkleTree.append does, from the frontier alone, leaving what it was given as it was', () => {
    const nodes = new InMemoryNodeStore();
    const full = new MerkleTree(nodes);
    let hashes: Uint8Array[] = [];
    for (let size = 0; size < 300; size++) {
      const given = hashes.slice();
      const { hashes: next, created } = appendToFrontier(size, hashes, leaf(size));
      expect(created).toEqual(full.append(leaf(size)));
      expect(hashes).toEqual(given);
      expect(next.map(toHex)).toEqual(frontierOf(size + 1).map(({ level, index }) => toHex(nodes.get(level, index)!)));
      hashes = next;
    }
  });

  it('refuses a frontier of another size and a leaf hash of the wrong length', () => {
    expect(() => appendToFrontier(3, [leaf(0)], leaf(3))).toThrow(RangeError);
    expect(() => appendToFrontier(0, [], new Uint8Array(31))).toThrow(RangeError);
  });
});
