import { HASH_SIZE } from './rfc6962';

/**
 * Where a `MerkleTree` keeps its complete-subtree hashes. Node (level, index) is the root of
 * leaves [index * 2^level, (index + 1) * 2^level); level 0 holds the leaf hashes. Nodes never
 * change once set, so any store that remembers them (memory, a table, a file) will do.
 */
export interface NodeStore {
  get(level: number, index: number): Uint8Array | undefined;
  set(level: number, index: number, hash: Uint8Array): void;
}

// 32 KiB chunks: one typed array per hash would cost several times the hash itself.
const HASHES_PER_CHUNK = 1024;

export interface Chunk {
  hashes: Uint8Array;
  present: Uint8Array;
}

/** An `InMemoryNodeStore`'s memory as plain typed arrays, to hand to another thread without copying. */
export type PackedNodes = (Chunk | undefined)[][];

/** Packs hashes into fixed-size chunks per level: about 66 bytes of memory per leaf. */
export class InMemoryNodeStore implements NodeStore {
  /** @param levels what `packed()` gave, to take over a store another thread filled. */
  constructor(private readonly levels: PackedNodes = []) {}

  /** The store's chunks, by level: the store must not be used once they are handed on. */
  packed(): PackedNodes {
    return this.levels;
  }

  /** The stored bytes are returned without copying: treat them as read-only. */
  get(level: number, index: number): Uint8Array | undefined {
    const chunk = this.levels[level]?.[Math.floor(index / HASHES_PER_CHUNK)];
    const slot = index % HASHES_PER_CHUNK;
    if (chunk === undefined || chunk.present[slot] === 0) return undefined;
    return chunk.hashes.subarray(slot * HASH_SIZE, (slot + 1) * HASH_SIZE);
  }

  set(level: number, index: number, hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw new RangeError(`a node hash has ${HASH_SIZE} bytes, got ${hash.length}`);
    const chunks = (this.levels[level] ??= []);
    const chunk = (chunks[Math.floor(index / HASHES_PER_CHUNK)] ??= newChunk());
    const slot = index % HASHES_PER_CHUNK;
    chunk.hashes.set(hash, slot * HASH_SIZE);
    chunk.present[slot] = 1;
  }
}

function newChunk(): Chunk {
  return { hashes: new Uint8Array(HASHES_PER_CHUNK * HASH_SIZE), present: new Uint8Array(HASHES_PER_CHUNK) };
}

/**
 * Holds only the nodes it is given, one map entry each: for the few nodes a frontier, a
 * root or a proof touches. An `InMemoryNodeStore` would allocate a 32 KiB chunk per level
 * for them, which is what made each audited event cost over half a megabyte.
 */
export class SparseNodeStore implements NodeStore {
  private readonly nodes = new Map<number, Map<number, Uint8Array>>();

  get(level: number, index: number): Uint8Array | undefined {
    return this.nodes.get(level)?.get(index);
  }

  set(level: number, index: number, hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw new RangeError(`a node hash has ${HASH_SIZE} bytes, got ${hash.length}`);
    let row = this.nodes.get(level);
    if (!row) this.nodes.set(level, (row = new Map()));
    row.set(index, hash);
  }
}
