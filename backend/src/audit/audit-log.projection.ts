import {
  type TreeHead,
  MerkleTree,
  SparseNodeStore,
  eventLeafHash,
  fromHex,
  frontierOf,
  headReason,
  publicEvent,
  toHex,
} from '@decidimos/contracts';
import type { Projection } from '../projections/projection';
import type { ReadModelStore } from '../read-models/read-model.port';

/**
 * Per edition: the tree's size and frontier (the complete subtrees an append needs). The
 * root is not kept: it costs log n hashes to compute, which a download can afford once and
 * an append, a million times an evening, cannot (see rootOf).
 */
export interface AuditTreeDoc {
  id: string;
  size: number;
  frontier: { level: number; index: number; hash: string }[];
  position: number;
}

/**
 * A leaf, found by event id (receipts) or by index (export): its place in the tree and the
 * event's log position. The event itself is read from the log when needed and put in its
 * public form again (publicEvent is a pure function of the recorded event), rather than
 * copied here: a copy was most of the read models' bytes. Its hash is the tree's level-0
 * node, or the hash of that public form (eventLeafHash).
 */
export interface AuditLeafDoc {
  editionId: string;
  index: number;
  position: number;
  /** Why this event gets a signed head of its own (headReason); absent (null in older documents) when it does not. */
  headReason?: string | null;
}

/** A signed tree head as recorded in the log, with the leaf its TreeHeadSigned event became. */
export interface AuditHeadDoc {
  id: string;
  editionId: string;
  treeSize: number;
  head: TreeHead;
  publicKey: string;
  leafIndex: number;
}

export const AUDIT_TREES = 'audit-trees';
export const AUDIT_HEADS = 'audit-tree-heads';
export const AUDIT_NODES = 'audit-nodes';
export const AUDIT_LEAVES = 'audit-leaves';

/** Leaves per export page: the export reads a page by its leaves' indexes (an indexed field), not by OFFSET. */
export const LEAVES_PER_PAGE = 1_000;

export const nodeId = (editionId: string, level: number, index: number) => `${editionId}/${level}/${index}`;

/** The edition an event belongs to; events without one (role grants) are in no edition's log. */
export function editionOf(event: { data: object }): string | null {
  const editionId = (event.data as { editionId?: unknown }).editionId;
  return typeof editionId === 'string' ? editionId : null;
}

/**
 * Every event of an edition, in log order, becomes the next leaf of the edition's Merkle
 * tree. Each complete subtree is stored once, when its last leaf arrives, and the tree
 * document keeps only the frontier, so an event costs O(log n) reads and writes. An event
 * at or before the tree's recorded position was already applied: replays change nothing.
 */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  collections: [AUDIT_TREES, AUDIT_NODES, AUDIT_LEAVES, AUDIT_HEADS],
  async apply(event, store) {
    const editionId = editionOf(event);
    if (editionId === null) return;
    const trees = store.collection<AuditTreeDoc>(AUDIT_TREES);
    const tree = (await trees.get(editionId)) ?? { id: editionId, size: 0, frontier: [], position: 0 };
    if (tree.position >= event.position) return;

    const { frontier, merkle } = frontierTree(tree);
    const exported = publicEvent(event);
    const leafHash = eventLeafHash(exported);
    const created = merkle.append(leafHash);

    const written = { position: event.position };
    const nodes = store.collection<{ hash: string }>(AUDIT_NODES);
    for (const node of created)
      await nodes.upsert(nodeId(editionId, node.level, node.index), { hash: toHex(node.hash) }, written);
    const reason = headReason(event);
    await store
      .collection<AuditLeafDoc>(AUDIT_LEAVES)
      .upsert(
        exported.id,
        { editionId, index: tree.size, position: event.position, ...(reason === null ? {} : { headReason: reason }) },
        written,
      );
    if (event.type === 'TreeHeadSigned') {
      const { publicKey, ...head } = event.data;
      await store.collection<AuditHeadDoc>(AUDIT_HEADS).upsert(
        `${editionId}/${head.treeSize}`,
        {
          id: `${editionId}/${head.treeSize}`,
          editionId,
          treeSize: head.treeSize,
          head,
          publicKey,
          leafIndex: tree.size,
        },
        written,
      );
    }
    // Written last: a crash before this line replays the event, and the writes above repeat harmlessly.
    await trees.upsert(
      editionId,
      {
        id: editionId,
        size: merkle.size,
        frontier: frontierOf(merkle.size).map(({ level, index }) => ({
          level,
          index,
          hash: toHex(frontier.get(level, index)!),
        })),
        position: event.position,
      },
      written,
    );
  },
};

/** The hex root of a stored tree at its present size, from its frontier alone. */
export function rootOf(tree: Pick<AuditTreeDoc, 'size' | 'frontier'>): string {
  return toHex(frontierTree(tree).merkle.root());
}

/** A stored tree as a Merkle tree over its frontier alone: enough to append to it and to compute its root. */
function frontierTree(tree: Pick<AuditTreeDoc, 'size' | 'frontier'>): {
  frontier: SparseNodeStore;
  merkle: MerkleTree;
} {
  const frontier = new SparseNodeStore();
  for (const node of tree.frontier) frontier.set(node.level, node.index, fromHex(node.hash));
  return { frontier, merkle: new MerkleTree(frontier, tree.size) };
}

/** The stored tree of an edition, for roots and proofs at any size it has reached. */
export async function storedTree(store: ReadModelStore, editionId: string): Promise<StoredTree> {
  const doc = await store.collection<AuditTreeDoc>(AUDIT_TREES).get(editionId);
  return new StoredTree(store, editionId, doc?.size ?? 0);
}

/**
 * Reads only the nodes a root or proof needs: `MerkleTree` is run once against a store that
 * records which nodes it asks for (which nodes depends on sizes alone, never on hashes),
 * those are fetched, and it runs again on them.
 */
export class StoredTree {
  constructor(
    private readonly store: ReadModelStore,
    private readonly editionId: string,
    readonly size: number,
  ) {}

  root(treeSize: number): Promise<Uint8Array> {
    return this.withNodes((tree) => tree.root(treeSize));
  }

  inclusionProof(leafIndex: number, treeSize: number): Promise<Uint8Array[]> {
    return this.withNodes((tree) => tree.inclusionProof(leafIndex, treeSize));
  }

  consistencyProof(oldSize: number, newSize: number): Promise<Uint8Array[]> {
    return this.withNodes((tree) => tree.consistencyProof(oldSize, newSize));
  }

  private async withNodes<T>(work: (tree: MerkleTree) => T): Promise<T> {
    const wanted = new Map<string, { level: number; index: number }>();
    const placeholder = new Uint8Array(32);
    const recorder = {
      get(level: number, index: number) {
        wanted.set(`${level}/${index}`, { level, index });
        return placeholder;
      },
      set() {},
    };
    work(new MerkleTree(recorder, this.size));
    const nodes = new SparseNodeStore();
    const collection = this.store.collection<{ hash: string }>(AUDIT_NODES);
    for (const { level, index } of wanted.values()) {
      const doc = await collection.get(nodeId(this.editionId, level, index));
      if (!doc) throw new Error(`audit tree of ${this.editionId} lacks node (${level}, ${index})`);
      nodes.set(level, index, fromHex(doc.hash));
    }
    return work(new MerkleTree(nodes, this.size));
  }
}
