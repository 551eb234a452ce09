import { toHex } from './encoding';
import { frontierOf } from './frontier';
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
});
