/**
 * A set of strings numbered 0, 1, 2… in the order they were added, kept as bytes in one
 * growing buffer with an open-addressing index: for the verifier's million event ids,
 * streams and voters. A Set or Map of the strings JSON.parse makes costs over a
 * microsecond per fresh key and keeps every string alive for the collector to trace; this
 * costs a fraction of that, and values by number go in plain arrays beside it. Strings with
 * a character beyond U+00FF (never an id, a stream or a hex pseudonym) go in a Map.
 */
export class StringTable {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  // Per entry: where its bytes start and end, and its hash.
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  // Per slot, entry number + 1 (0 is empty) and the entry's hash beside it, so a probe past
  // another key reads one cache line. A power of two slots, at most half full.
  private slots = new Int32Array(2 << 11);
  private readonly wide = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The key numbered `entry`. */
  key(entry: number): string {
    if (this.ends[entry]! < 0) {
      for (const [key, number] of this.wide) if (number === entry) return key;
    }
    let key = '';
    for (let i = this.starts[entry]!; i < this.ends[entry]!; i++) key += String.fromCharCode(this.bytes[i]!);
    return key;
  }

  /** The key's number, or -1. */
  find(key: string): number {
    return this.lookup(key, false);
  }

  /** The key's number, adding it as the next one (`size - 1` afterwards) when new. */
  add(key: string): number {
    return this.lookup(key, true);
  }

  private lookup(key: string, adding: boolean): number {
    const length = key.length;
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) {
      const unit = key.charCodeAt(i);
      if (unit > 0xff) return this.lookupWide(key, adding);
      hash = Math.imul(hash ^ unit, 0x01000193);
    }
    // FNV-1a's low bits, the ones a slot is picked by, barely change between keys that differ
    // in their last characters (sequential ids): mix the high bits in (murmur3's finaliser).
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) {
        if (!adding) return -1;
        return this.insert(key, hash, slot);
      }
      if (slots[2 * slot + 1] === hash && this.equals(entry, key)) return entry;
    }
  }

  private equals(entry: number, key: string): boolean {
    const start = this.starts[entry]!;
    if (this.ends[entry]! - start !== key.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private insert(key: string, hash: number, slot: number): number {
    const entry = this.count++;
    if (entry === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.hashes = grown(this.hashes);
    }
    if (this.used + key.length > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + key.length));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    const bytes = this.bytes;
    const start = this.used;
    for (let i = 0; i < key.length; i++) bytes[start + i] = key.charCodeAt(i);
    this.used += key.length;
    this.starts[entry] = start;
    this.ends[entry] = this.used;
    this.hashes[entry] = hash;
    this.slots[2 * slot] = entry + 1;
    this.slots[2 * slot + 1] = hash;
    if (this.count * 4 > this.slots.length) this.rehash();
    return entry;
  }

  private lookupWide(key: string, adding: boolean): number {
    const known = this.wide.get(key);
    if (known !== undefined || !adding) return known ?? -1;
    const entry = this.count++;
    if (entry === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.hashes = grown(this.hashes);
    }
    // An empty range that never equals a narrow key, and a slot never holds it.
    this.starts[entry] = 0;
    this.ends[entry] = -1;
    this.wide.set(key, entry);
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let entry = 0; entry < this.count; entry++) {
      if (this.ends[entry]! < 0) continue;
      const hash = this.hashes[entry]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
