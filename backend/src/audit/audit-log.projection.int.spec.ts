import {
  InMemoryNodeStore,
  MerkleTree,
  eventLeafHash,
  frontierOf,
  publicEvent,
  rootFromLeaves,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '@decidimos/contracts';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import type { StoredEvent } from '../shared/event-envelope';
import { sealedBallot } from '../testing/fixtures';
import {
  AUDIT_LEAVES,
  AUDIT_TILES,
  AUDIT_TREES,
  type AuditLeafDoc,
  type AuditTreeDoc,
  auditLogProjection,
  storedTree,
} from './audit-log.projection';
import { storePerTest } from '../testing/store-per-test';

const voter = (n: number) => n.toString(16).padStart(64, '0');

/** Ballots of two editions interleaved, with a role grant (no edition) among them, as the log holds them. */
function logOf(count: number): StoredEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const position = i + 1;
    const common = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      position,
      metadata: { schemaVersion: 1 },
    };
    const recordedAt = new Date(Date.UTC(2027, 2, 1, 0, 0, i)).toISOString();
    if (i === 7) {
      const data = { staff: voter(1), role: 'reviewer' as const, by: voter(2) };
      return { ...common, type: 'RoleGranted', data, streamId: 'staff', revision: 0, recordedAt } as StoredEvent;
    }
    const editionId = i % 3 === 0 ? 'pp-norte' : 'pp-centro';
    const data = {
      editionId,
      voter: voter(i),
      district: 'centro',
      channel: 'online',
      booth: null,
      residenceProof: null,
      ...sealedBallot([]),
    };
    return {
      ...common,
      type: 'BallotCast',
      data,
      streamId: `ballot-${editionId}-${voter(i)}`,
      revision: 0,
      recordedAt,
    } as StoredEvent;
  });
}

const leavesOf = (log: StoredEvent[], editionId: string) =>
  log
    .filter((e) => (e.data as { editionId?: string }).editionId === editionId)
    .map((e) => eventLeafHash(publicEvent(e)));

/** Applies events as the runner does: the tree is written after each commit of `commit` events. */
async function project(events: StoredEvent[], into: ReadModelStore, commit = 10): Promise<void> {
  for (let first = 0; first < events.length; first += commit) {
    for (const event of events.slice(first, first + commit)) await auditLogProjection.apply(event, into);
    await auditLogProjection.flush!(into);
  }
}

let store: ReadModelStore;

storePerTest('read-models.sqlite', async (file) => (store = await openSqliteReadModelStore(file)));

describe('the audit log projection on SQLite', () => {
  it("keeps one tree per edition whose roots and proofs match the RFC's definition at every size", async () => {
    const log = logOf(130);
    await project(log, store);
    for (const editionId of ['pp-centro', 'pp-norte']) {
      const leaves = leavesOf(log, editionId);
      const tree = await storedTree(store, editionId);
      expect(tree.size).toBe(leaves.length);
      for (let size = 1; size <= leaves.length; size += 7) {
        expect(toHex(await tree.root(size))).toBe(toHex(rootFromLeaves(leaves.slice(0, size))));
      }
      const root = rootFromLeaves(leaves);
      const proof = await tree.inclusionProof(41, leaves.length);
      expect(verifyInclusion(leaves[41]!, 41, leaves.length, proof, root)).toBe(true);
      const consistency = await tree.consistencyProof(13, leaves.length);
      expect(verifyConsistency(13, leaves.length, rootFromLeaves(leaves.slice(0, 13)), root, consistency)).toBe(true);
    }
    const grant = await store.collection<AuditLeafDoc>(AUDIT_LEAVES).get(log[7]!.id);
    expect(grant).toBeNull();
  });

  it("keeps the leaf's place and the event's log position, found by event id, not a copy of the event", async () => {
    const log = logOf(10);
    await project(log, store);
    const leaf = await store.collection<AuditLeafDoc>(AUDIT_LEAVES).get(log[5]!.id);
    expect(leaf).toEqual({ editionId: 'pp-centro', index: 3, position: log[5]!.position });
    const tree = await storedTree(store, 'pp-centro');
    // Its hash is kept once, as the tree's level-0 node: the first step of its sibling's proof.
    const [leafHash] = await tree.inclusionProof(2, 4);
    expect(leafHash).toEqual(eventLeafHash(publicEvent(log[5]!)));
  });

  it('ignores an event it has already applied, so a replay after a crash changes nothing', async () => {
    const log = logOf(20);
    await project(log, store);
    const before = await store.collection<AuditTreeDoc>(AUDIT_TREES).get('pp-centro');
    await project(log.slice(10), store);
    expect(await store.collection<AuditTreeDoc>(AUDIT_TREES).get('pp-centro')).toEqual(before);
  });

  it('reads and writes O(log n) documents per event, not the whole tree', async () => {
    const log = logOf(1_100);
    let operations = 0;
    const counting: ReadModelStore = {
      ...store,
      collection: (name, options) => {
        const collection = store.collection(name, options);
        const count =
          <A extends unknown[], R>(call: (...args: A) => R) =>
          (...args: A) => {
            operations++;
            return call(...args);
          };
        return {
          ...collection,
          get: count(collection.get.bind(collection)),
          upsert: count(collection.upsert.bind(collection)),
        };
      },
    };
    await project(log.slice(0, -1), store);
    await project(log.slice(-1), counting);
    // One tree read, the leaf, the tiles it completes (at most one per tile row), the tree write.
    expect(operations).toBeLessThanOrEqual(3 + Math.ceil(Math.log2(log.length) / 4));
  });

  it("writes each edition's tree once a commit ends, not at every event", async () => {
    const log = logOf(40);
    const treeWrites: string[] = [];
    const watched: ReadModelStore = {
      ...store,
      collection: (name, options) => {
        const collection = store.collection(name, options);
        if (name !== AUDIT_TREES) return collection;
        return {
          ...collection,
          get: collection.get.bind(collection),
          upsert: (id, doc, written) => {
            treeWrites.push(id);
            return collection.upsert(id, doc, written);
          },
        };
      },
    };
    await project(log, watched, 20);
    expect(treeWrites.sort()).toEqual(['pp-centro', 'pp-centro', 'pp-norte', 'pp-norte']);
    for (const editionId of ['pp-centro', 'pp-norte']) {
      const leaves = leavesOf(log, editionId);
      expect(toHex(await (await storedTree(store, editionId)).root(leaves.length))).toBe(toHex(rootFromLeaves(leaves)));
    }
  });

  it('keeps the tree from before an event whose writes failed, and goes on from there when the event comes again', async () => {
    const log = logOf(40);
    const failing = log[25]!;
    const full: ReadModelStore = {
      ...store,
      collection: (name, options) => {
        const collection = store.collection(name, options);
        if (name !== AUDIT_LEAVES) return collection;
        return {
          ...collection,
          upsert: (id, doc, written) =>
            id === failing.id ? Promise.reject(new Error('disk full')) : collection.upsert(id, doc, written),
        };
      },
    };
    // The runner stops the projection at the event that failed and writes what came before it.
    for (const event of log.slice(0, 25)) await auditLogProjection.apply(event, full);
    await expect(auditLogProjection.apply(failing, full)).rejects.toThrow('disk full');
    await auditLogProjection.flush!(full);
    const editionId = failing.data.editionId as string;
    const tree = await store.collection<AuditTreeDoc>(AUDIT_TREES).get(editionId);
    expect(tree?.size).toBe(leavesOf(log.slice(0, 25), editionId).length);

    await project(log.slice(25), store);
    for (const id of ['pp-centro', 'pp-norte']) {
      const leaves = leavesOf(log, id);
      const stored = await storedTree(store, id);
      expect(stored.size).toBe(leaves.length);
      expect(toHex(await stored.root(leaves.length))).toBe(toHex(rootFromLeaves(leaves)));
    }
  });

  it('stores the nodes of every fourth level in tiles, and proves from them at every size past a tile row', async () => {
    const log = logOf(1_100);
    await project(log, store);
    // Sixteen nodes to a tile, of levels 0, 4 and 8: 45 and 2 tiles for pp-centro's 732 leaves, 22 and 1 for pp-norte's 367.
    expect(await store.collection(AUDIT_TILES).count()).toBe(45 + 2 + 22 + 1);
    const leaves = leavesOf(log, 'pp-centro');
    expect(leaves).toHaveLength(732);
    const tree = await storedTree(store, 'pp-centro');
    for (const size of [255, 256, 257, 511, 600, leaves.length]) {
      const root = rootFromLeaves(leaves.slice(0, size));
      expect(toHex(await tree.root(size))).toBe(toHex(root));
      for (const leaf of [0, 17, size - 1]) {
        expect(verifyInclusion(leaves[leaf]!, leaf, size, await tree.inclusionProof(leaf, size), root)).toBe(true);
      }
      const consistency = await tree.consistencyProof(250, size);
      expect(verifyConsistency(250, size, rootFromLeaves(leaves.slice(0, 250)), root, consistency)).toBe(true);
    }
  });

  it('goes on from a tree stored a node per document, as the previous version left it', async () => {
    const log = logOf(700);
    const earlier = log.slice(0, 400).filter((e) => (e.data as { editionId?: string }).editionId === 'pp-centro');
    // What the previous version wrote for these events: every node, and the frontier in hex.
    const nodes = new InMemoryNodeStore();
    const merkle = new MerkleTree(nodes);
    for (const event of earlier) {
      for (const node of merkle.append(eventLeafHash(publicEvent(event)))) {
        await store
          .collection('audit-nodes')
          .upsert(`pp-centro/${node.level}/${node.index}`, { hash: toHex(node.hash) }, { position: event.position });
      }
    }
    const position = earlier[earlier.length - 1]!.position;
    const frontier = frontierOf(merkle.size).map(({ level, index }) => ({
      level,
      index,
      hash: toHex(nodes.get(level, index)!),
    }));
    await store
      .collection(AUDIT_TREES)
      .upsert('pp-centro', { id: 'pp-centro', size: merkle.size, frontier, position }, { position });
    const leaves = leavesOf(earlier, 'pp-centro');
    const before = await storedTree(store, 'pp-centro');
    expect(toHex(await before.root(leaves.length))).toBe(toHex(rootFromLeaves(leaves)));

    await project(log.slice(400), store);
    const all = leavesOf(log, 'pp-centro');
    const tree = await storedTree(store, 'pp-centro');
    expect(tree.size).toBe(all.length);
    for (const size of [1, 100, leaves.length, leaves.length + 1, 300, all.length]) {
      const root = rootFromLeaves(all.slice(0, size));
      expect(toHex(await tree.root(size))).toBe(toHex(root));
      for (const leaf of [0, size - 1]) {
        expect(verifyInclusion(all[leaf]!, leaf, size, await tree.inclusionProof(leaf, size), root)).toBe(true);
      }
    }
  });
});
