import {
  type TreeHead,
  MerkleTree,
  SparseNodeStore,
  appendToFrontier,
  eventLeafHash,
  fromHex,
  frontierOf,
  headReason,
  publicEvent,
  toHex,
} from '@decidimos/contracts';
import type { Projection } from '../projections/projection';
import type { ReadModelStore } from '../read-models/read-model.port';
import { TILE_HEIGHT, TILE_WIDTH, decodeHashes, encodeHashes, finishedTiles, nodeFromTile, tileOf } from './tree-tiles';

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

export const AUDIT_LOG_PROJECTION = 'audit-log';
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
 * document keeps the unfinished ones. An event costs a write of its leaf (and a tile every
 * sixteenth event); the tree document is read at the first event of a commit and written
 * once after its last (`flush`), or at once after an event the tree-head signer signs for.
 * An event at or before the tree's recorded position was already applied: replays change
 * nothing.
 */
export const auditLogProjection: Projection = {
  name: AUDIT_LOG_PROJECTION,
  collections: [AUDIT_TREES, AUDIT_TILES, AUDIT_LEAVES, AUDIT_HEADS, AUDIT_NODES],
  writtenOnce: [AUDIT_TILES, AUDIT_LEAVES, AUDIT_HEADS],
  async apply(event, store) {
    const editionId = editionOf(event);
    if (editionId === null) return;
    const open = openTreesOf(store);
    const tree = open.unwritten.has(editionId)
      ? open.trees.get(editionId)!
      : await openTree(store, editionId, open.trees.get(editionId));
    if (tree.position >= event.position) return;

    const exported = publicEvent(event);
    const written = { position: event.position };
    const tiles = store.collection<AuditTileDoc>(AUDIT_TILES);
    const { hashes: frontier, created } = appendToFrontier(tree.size, tree.frontier, eventLeafHash(exported));
    const unfinished = [...tree.unfinished];
    for (const node of created) {
      if (node.level % TILE_HEIGHT !== 0) continue;
      const { row, tile } = tileOf(node.level, node.index);
      const hashes = [...(unfinished[row] ?? []), node.hash];
      const finished = hashes.length === TILE_WIDTH;
      unfinished[row] = finished ? [] : hashes;
      if (finished) await tiles.upsert(tileId(editionId, row, tile), { hashes: encodeHashes(hashes) }, written);
    }
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
    // The tree moves on only once the writes above are done: after a failure it is still the
    // tree before this event, which a replay of the event appends to again.
    const next: OpenTree = { size: tree.size + 1, position: event.position, frontier, unfinished, text: null };
    // The tree-head signer, next after this projection, reads this very tree from the store.
    if (reason !== null) {
      await writeTree(store, editionId, next);
      open.unwritten.delete(editionId);
    } else open.unwritten.add(editionId);
    open.trees.set(editionId, next);
  },
  async flush(store) {
    const open = openTrees.get(store);
    if (!open) return;
    const editions = [...open.unwritten];
    // Whatever happens to the writes, the next commit starts from the stored documents.
    open.unwritten.clear();
    for (const editionId of editions) await writeTree(store, editionId, open.trees.get(editionId)!);
  },
};

/** An edition's tree as this process last applied it; ahead of its stored document while `unwritten`. */
interface OpenTree {
  size: number;
  /** Log position of the last event applied. */
  position: number;
  /** The hashes of frontierOf(size), in that order. */
  frontier: Uint8Array[];
  /** Per tile row, the nodes of its unfinished tile; encoded only when the tree is written, not at every event. */
  unfinished: Uint8Array[][];
  /** The frontier's text as written to the store; null until it is. */
  text: string | null;
}

/**
 * Per store (a runner's view of the read models: a rebuild's new generation is another),
 * each edition's open tree, and the editions whose tree has events not yet written.
 */
const openTrees = new WeakMap<ReadModelStore, { trees: Map<string, OpenTree>; unwritten: Set<string> }>();

function openTreesOf(store: ReadModelStore): { trees: Map<string, OpenTree>; unwritten: Set<string> } {
  let open = openTrees.get(store);
  if (!open) openTrees.set(store, (open = { trees: new Map(), unwritten: new Set() }));
  return open;
}

/**
 * The edition's tree as stored. The tree kept from the last commit stands for it, saving
 * the decoding, only while the document holds the very text it wrote: a replay, or another
 * instance projecting for a moment, writes its own.
 */
async function openTree(store: ReadModelStore, editionId: string, kept: OpenTree | undefined): Promise<OpenTree> {
  const stored = await store.collection<AuditTreeDoc | NodePerDocumentTreeDoc>(AUDIT_TREES).get(editionId);
  if (!stored) return { size: 0, position: 0, frontier: [], unfinished: [], text: '' };
  if (kept && kept.size === stored.size && kept.position === stored.position && kept.text === stored.frontier)
    return kept;
  return {
    size: stored.size,
    position: stored.position,
    frontier: frontierOfStored(stored),
    unfinished: await unfinishedTiles(store, stored),
    text: typeof stored.frontier === 'string' ? stored.frontier : null,
  };
}

/**
 * Each unfinished tile's text, kept with its nodes: an event replaces the array of the rows
 * it changes (row 0 at every event, row 1 at every sixteenth, …) and leaves the others as
 * they were, so writing the tree encodes only what changed since it was last written.
 */
const tileTexts = new WeakMap<Uint8Array[], string>();

function tileText(hashes: Uint8Array[]): string {
  let text = tileTexts.get(hashes);
  if (text === undefined) tileTexts.set(hashes, (text = encodeHashes(hashes)));
  return text;
}

async function writeTree(store: ReadModelStore, editionId: string, tree: OpenTree): Promise<void> {
  const text = encodeHashes(tree.frontier);
  const unfinished = tree.unfinished.map(tileText);
  await store
    .collection<AuditTreeDoc>(AUDIT_TREES)
    .upsert(
      editionId,
      { id: editionId, size: tree.size, frontier: text, unfinished, position: tree.position },
      { position: tree.position },
    );
  tree.text = text;
}

/** The hashes of a stored tree's frontier, in the order of frontierOf. */
function frontierOfStored(tree: AuditTreeDoc | NodePerDocumentTreeDoc): Uint8Array[] {
  if (typeof tree.frontier === 'string') return decodeHashes(tree.frontier);
  return tree.frontier.map((node) => fromHex(node.hash));
}

/** The unfinished tiles of a stored tree; those of a tree stored a node per document are read from its nodes. */
async function unfinishedTiles(
  store: ReadModelStore,
  tree: AuditTreeDoc | NodePerDocumentTreeDoc,
): Promise<Uint8Array[][]> {
  if ('unfinished' in tree) return tree.unfinished.map(decodeHashes);
  const nodes = store.collection<{ hash: string }>(AUDIT_NODES);
  const unfinished: Uint8Array[][] = [];
  for (let row = 0; 2 ** (TILE_HEIGHT * row) <= tree.size; row++) {
    const level = TILE_HEIGHT * row;
    const complete = Math.floor(tree.size / 2 ** level);
    const hashes: Uint8Array[] = [];
    for (let index = finishedTiles(tree.size, row) * TILE_WIDTH; index < complete; index++) {
      const doc = await nodes.get(nodeId(tree.id, level, index));
      if (!doc) throw new Error(`audit tree of ${tree.id} lacks node (${level}, ${index})`);
      hashes.push(fromHex(doc.hash));
    }
    unfinished.push(hashes);
  }
  return unfinished;
}

/** The hex root of a stored tree at its present size, from its frontier alone. */
export function rootOf(tree: AuditTreeDoc | NodePerDocumentTreeDoc): string {
  const hashes = frontierOfStored(tree);
  const frontier = new SparseNodeStore();
  frontierOf(tree.size).forEach(({ level, index }, n) => frontier.set(level, index, hashes[n]!));
  return toHex(new MerkleTree(frontier, tree.size).root());
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
