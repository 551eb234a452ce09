/**
 * The complete subtrees that make up a tree of `size` leaves, largest first: one per set bit
 * of `size`. Appending a leaf or computing the root reads only these, so a log that keeps them
 * beside its size grows in O(log n) per event without reading the rest of the tree.
 */
export function frontierOf(size: number): { level: number; index: number }[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a non-negative integer, got ${size}`);
  const subtrees: { level: number; index: number }[] = [];
  let position = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (position + width > size) continue;
    subtrees.push({ level, index: position / width });
    position += width;
  }
  return subtrees;
}
