import { HASH_SIZE, hashChildren } from '@decidimos/contracts';

/**
 * How an edition's Merkle tree is stored, as Certificate Transparency logs store theirs
 * (tiles): only the nodes of every fourth level (0, 4, 8, …), sixteen of a level to a
 * document, written once, when the sixteenth is complete. A node of the three levels in
 * between is the root of at most sixteen stored ones and is hashed again when a root or a
 * proof needs it (at most fifteen hashes). The nodes of each stored level's unfinished
 * tile are kept with the tree's size. A document per node, in hex, took about four times the
 * bytes (issue 13).
 */
export const TILE_HEIGHT = 4;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;

/** The characters of one hash in base64url, unpadded: a stored tile is sixteen of them end to end. */
export const HASH_TEXT = Math.ceil((HASH_SIZE * 4) / 3);

/** Hashes as one string of fixed-width base64url pieces (43 characters for 32 bytes, 64 in hex). */
export function encodeHashes(hashes: Uint8Array[]): string {
  return hashes
    .map((hash) => Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('base64url'))
    .join('');
}

export function decodeHashes(text: string): Uint8Array[] {
  return Array.from(
    { length: text.length / HASH_TEXT },
    (_, n) => new Uint8Array(Buffer.from(text.slice(n * HASH_TEXT, (n + 1) * HASH_TEXT), 'base64url')),
  );
}

/** Where node (level, index) is found: the stored nodes under it, in one tile of one row. */
export function tileOf(level: number, index: number): { row: number; tile: number; offset: number; width: number } {
  const row = Math.floor(level / TILE_HEIGHT);
  const width = 2 ** (level - row * TILE_HEIGHT);
  const first = index * width;
  const tile = Math.floor(first / TILE_WIDTH);
  return { row, tile, offset: first - tile * TILE_WIDTH, width };
}

/** How many tiles of a row are complete in a tree of `size` leaves. */
export function finishedTiles(size: number, row: number): number {
  return Math.floor(Math.floor(size / 2 ** (TILE_HEIGHT * row)) / TILE_WIDTH);
}

/** The root of a complete run of stored nodes (a power of two of them). */
function foldHashes(hashes: Uint8Array[]): Uint8Array {
  let level = hashes;
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    for (let n = 0; n < level.length; n += 2) up.push(hashChildren(level[n]!, level[n + 1]!));
    level = up;
  }
  return level[0]!;
}

/** A node from the stored nodes of its tile, or undefined when they are not all there. */
export function nodeFromTile(tile: Uint8Array[], level: number, index: number): Uint8Array | undefined {
  const { offset, width } = tileOf(level, index);
  const under = tile.slice(offset, offset + width);
  return under.length === width ? foldHashes(under) : undefined;
}
