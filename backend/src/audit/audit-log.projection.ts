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
import {
  HASH_TEXT,
  TILE_HEIGHT,
  TILE_WIDTH,
  decodeHashes,
  encodeHashes,
  finishedTiles,
  hashesIn,
  nodeFromTile,
  tileOf,
} from './tree-tiles';

/**
 * Per edition: the tree's size, its frontier (the complete subtrees an append needs) and,
 * per tile row, the nodes of its unfinished tile (see tree-tiles.ts). The root is not
 * kept: it costs log n hashes to compute, which a download can afford once and an append,
 * a million times an evening, cannot (see rootOf).
 */
export interface AuditTreeDoc {
  id: string;
  size: number;
  /** The hashes of frontierOf(size), in that order (encodeHashes). */
  frontier: string;
  /** Per tile row (levels 0, 4, 8, …), the complete nodes of its unfinished tile (encodeHashes). */
  unfinished: string[];
  position: number;
}

/**
 * A tree document written when every node had a document of its own (AUDIT_NODES): its
 * frontier in hex. The projection turns it into an AuditTreeDoc at its next event;
 * until a rebuild, the tiles finished before then are read from those node documents.
 */
interface NodePerDocumentTreeDoc {
  id: string;
  size: number;
  frontier: { level: number; index: number; hash: string }[];
  position: number;
}

/** Sixteen stored nodes of one level (tree-tiles.ts), written once they are all complete. */
export interface AuditTileDoc {
  hashes: string;
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
export const AUDIT_TILES = 'audit-tiles';
/** One document per node, as the tree was stored before tiles; cleared by a rebuild. */
const AUDIT_NODES = 'audit-nodes';
export const AUDIT_LEAVES = 'audit-leaves';

/** Leaves per export page: the export reads a page by its leaves' indexes (an indexed field), not by OFFSET. */
export const LEAVES_PER_PAGE = 1_000;

const nodeId = (editionId: string, level: number, index: number) => `${editionId}/${level}/${index}`;
const tileId = (editionId: string, row: number, tile: number) => `${editionId}/${row}/${tile}`;

/** The edition an event belongs to; events without one (role grants) are in no edition's log. */
export function editionOf(event: { data: object }): string | null {
  const editionId = (event.data as { editionId?: unknown }).editionId;
  return typeof editionId === 'string' ? editionId : null;
}

/**
 * Every event of an edition, in log order, becomes the next leaf of the edition's Merkle
 * tree. A tile of nodes is stored once, when its last node is complete, and the tree
 * document keeps the unfinished ones, so an event costs a read of the tree, a write of its
 * leaf and a write of the tree (and a tile every sixteenth event). An event at or before the tree's recorded position was
 * already applied: replays change nothing.
 */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  collections: [AUDIT_TREES, AUDIT_TILES, AUDIT_LEAVES, AUDIT_HEADS, AUDIT_NODES],
  async apply(event, store) {
    const editionId = editionOf(event);
    if (editionId === null) return;
    const trees = store.collection<AuditTreeDoc | NodePerDocumentTreeDoc>(AUDIT_TREES);
    const stored = await trees.get(editionId);
    if (stored && stored.position >= event.position) return;
    const size = stored?.size ?? 0;
    const { frontier, merkle } = overFrontier(size, frontierHashes(editionId, stored));
    const unfinished = stored ? await unfinishedTiles(store, stored) : [];

    const exported = publicEvent(event);
    const written = { position: event.position };
    const tiles = store.collection<AuditTileDoc>(AUDIT_TILES);
    for (const node of merkle.append(eventLeafHash(exported))) {
      if (node.level % TILE_HEIGHT !== 0) continue;
      const { row, tile } = tileOf(node.level, node.index);
      const hashes = (unfinished[row] ?? '') + encodeHashes([node.hash]);
      const finished = hashesIn(hashes) === TILE_WIDTH;
      unfinished[row] = finished ? '' : hashes;
      if (finished) await tiles.upsert(tileId(editionId, row, tile), { hashes }, written);
    }
    const reason = headReason(event);
    await store
      .collection<AuditLeafDoc>(AUDIT_LEAVES)
      .upsert(
        exported.id,
        { editionId, index: size, position: event.position, ...(reason === null ? {} : { headReason: reason }) },
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
          leafIndex: size,
        },
        written,
      );
    }
    // Written last: a crash before this line replays the event, and the writes above repeat harmlessly.
    const newFrontier = nextFrontier(editionId, stored, merkle.size, frontier);
    await trees.upsert(
      editionId,
      { id: editionId, size: merkle.size, frontier: newFrontier, unfinished, position: event.position },
      written,
    );
  },
};

/**
 * Per edition, the frontier its tree document was last given here, decoded: the next event
 * appends to these hashes instead of decoding the stored text again. Taken only while the
 * stored document still holds that very text (a replay, a rebuild's other generation or
 * another instance write their own), so it can never stand for another tree.
 */
const lastFrontiers = new Map<string, { size: number; text: string; hashes: Uint8Array[] }>();

/** The hashes of the stored tree's frontier, in the order of frontierOf. */
function frontierHashes(editionId: string, tree: AuditTreeDoc | NodePerDocumentTreeDoc | null): Uint8Array[] {
  if (!tree) return [];
  const last = lastFrontiers.get(editionId);
  if (last && last.size === tree.size && last.text === tree.frontier) return last.hashes;
  return frontierOfStored(tree);
}

/**
 * The frontier's text after appends took the tree from the stored size to `size`, which is
 * also remembered decoded for the next event: the subtrees both frontiers share lead both
 * (largest first) and keep their text; only the rest, about two hashes an append, is encoded.
 */
function nextFrontier(
  editionId: string,
  tree: AuditTreeDoc | NodePerDocumentTreeDoc | null,
  size: number,
  nodes: SparseNodeStore,
): string {
  const now = frontierOf(size);
  const hashes = now.map(({ level, index }) => nodes.get(level, index)!);
  // A tree stored a node per document has no text to keep: its frontier is encoded whole.
  const text = typeof tree?.frontier === 'string' ? tree.frontier : '';
  const before = tree && text !== '' ? frontierOf(tree.size) : [];
  let kept = 0;
  while (kept < now.length && kept < before.length && now[kept]!.level === before[kept]!.level) kept++;
  const next = text.slice(0, kept * HASH_TEXT) + encodeHashes(hashes.slice(kept));
  lastFrontiers.set(editionId, { size, text: next, hashes });
  return next;
}

/** The hashes of a stored tree's frontier, in the order of frontierOf. */
function frontierOfStored(tree: AuditTreeDoc | NodePerDocumentTreeDoc): Uint8Array[] {
  if (typeof tree.frontier === 'string') return decodeHashes(tree.frontier);
  return tree.frontier.map((node) => fromHex(node.hash));
}

/** The unfinished tiles of a stored tree; those of a tree stored a node per document are read from its nodes. */
async function unfinishedTiles(store: ReadModelStore, tree: AuditTreeDoc | NodePerDocumentTreeDoc): Promise<string[]> {
  if ('unfinished' in tree) return [...tree.unfinished];
  const nodes = store.collection<{ hash: string }>(AUDIT_NODES);
  const unfinished: string[] = [];
  for (let row = 0; 2 ** (TILE_HEIGHT * row) <= tree.size; row++) {
    const level = TILE_HEIGHT * row;
    const complete = Math.floor(tree.size / 2 ** level);
    const hashes: Uint8Array[] = [];
    for (let index = finishedTiles(tree.size, row) * TILE_WIDTH; index < complete; index++) {
      const doc = await nodes.get(nodeId(tree.id, level, index));
      if (!doc) throw new Error(`audit tree of ${tree.id} lacks node (${level}, ${index})`);
      hashes.push(fromHex(doc.hash));
    }
    unfinished.push(encodeHashes(hashes));
  }
  return unfinished;
}

/** The hex root of a stored tree at its present size, from its frontier alone. */
export function rootOf(tree: AuditTreeDoc | NodePerDocumentTreeDoc): string {
  return toHex(overFrontier(tree.size, frontierOfStored(tree)).merkle.root());
}

/**
 * A tree of `size` leaves as a Merkle tree over its frontier alone (`hashes`, in the order
 * of frontierOf): enough to append to it and to compute its root.
 */
function overFrontier(size: number, hashes: Uint8Array[]): { frontier: SparseNodeStore; merkle: MerkleTree } {
  const frontier = new SparseNodeStore();
  frontierOf(size).forEach(({ level, index }, n) => frontier.set(level, index, hashes[n]!));
  return { frontier, merkle: new MerkleTree(frontier, size) };
}

/** The stored tree of an edition, for roots and proofs at any size it has reached. */
export async function storedTree(store: ReadModelStore, editionId: string): Promise<StoredTree> {
  const doc = await store.collection<AuditTreeDoc | NodePerDocumentTreeDoc>(AUDIT_TREES).get(editionId);
  const unfinished = !doc ? [] : 'unfinished' in doc ? doc.unfinished : null;
  return new StoredTree(store, editionId, doc?.size ?? 0, unfinished);
}

/**
 * Reads only the nodes a root or proof needs: `MerkleTree` is run once against a store that
 * records which nodes it asks for (which nodes depends on sizes alone, never on hashes),
 * those are computed from their tiles, and it runs again on them.
 */
export class StoredTree {
  private readonly unfinished: Uint8Array[][] | null;

  /** @param unfinished the tree document's unfinished tiles; null for a tree stored a node per document. */
  constructor(
    private readonly store: ReadModelStore,
    private readonly editionId: string,
    readonly size: number,
    unfinished: string[] | null,
  ) {
    this.unfinished = unfinished && unfinished.map(decodeHashes);
  }

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
    const tiles = new Map<string, Uint8Array[] | null>();
    for (const { level, index } of wanted.values()) {
      const hash = (await this.fromTile(level, index, tiles)) ?? (await this.fromNodeDocument(level, index));
      if (!hash) throw new Error(`audit tree of ${this.editionId} lacks node (${level}, ${index})`);
      nodes.set(level, index, hash);
    }
    return work(new MerkleTree(nodes, this.size));
  }

  /** The node from its tile, finished (read once per call) or unfinished; undefined when the tile is not stored. */
  private async fromTile(
    level: number,
    index: number,
    tiles: Map<string, Uint8Array[] | null>,
  ): Promise<Uint8Array | undefined> {
    if (this.unfinished === null) return undefined;
    const { row, tile } = tileOf(level, index);
    if (tile >= finishedTiles(this.size, row)) return nodeFromTile(this.unfinished[row] ?? [], level, index);
    const id = tileId(this.editionId, row, tile);
    if (!tiles.has(id)) {
      const doc = await this.store.collection<AuditTileDoc>(AUDIT_TILES).get(id);
      tiles.set(id, doc && decodeHashes(doc.hashes));
    }
    const hashes = tiles.get(id);
    return hashes ? nodeFromTile(hashes, level, index) : undefined;
  }

  /** A node of a tile finished while the tree was stored a node per document. */
  private async fromNodeDocument(level: number, index: number): Promise<Uint8Array | undefined> {
    const doc = await this.store.collection<{ hash: string }>(AUDIT_NODES).get(nodeId(this.editionId, level, index));
    return doc ? fromHex(doc.hash) : undefined;
  }
}
