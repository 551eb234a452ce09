import {
  type Collection,
  type CollectionOptions,
  type CounterDoc,
  type CounterWindow,
  type Filter,
  type FindOptions,
  type LoadedDocument,
  type Page,
  type ReadModelStore,
  type WriteOptions,
  isStaleWrite,
  loadInBatch,
} from '../read-models/read-model.port';

/** Documents written since the last flush that make the next batch flush them. */
const FLUSH_DOCUMENTS = 100_000;

/**
 * A rebuild's writes, kept in memory and written to the fresh collections in large
 * transactions (every collection's documents, then the checkpoints, so a checkpoint is never
 * ahead of the documents it covers), on the store's own thread where it has one, while the
 * rebuild goes on: a flush waits only for the one before it.
 *
 * Only for what a rebuild does: collections that started empty (`clear`ed), fed by one
 * writer with events in log order, each once. So a document never written here does not
 * exist and a miss needs no read; and a write is never older than the stored document
 * (positions grow), so only documents still in memory need their position compared, which
 * keeps a projection that writes one document twice for one event exact. Memory stays
 * bounded: each flush, once written, evicts the documents nobody read since the flush
 * before (most are written once and never read: first ballots), keeping those read again
 * and again (an edition's tree, its ballot counts), and an id filter remembers which ids
 * were ever written, so a miss on an evicted document (a revote) is read back from the
 * store.
 *
 * Collections written once (`writtenOnce`: a document per event, never read back while
 * projecting, such as the audit log's leaves) skip all of that: their documents wait in a
 * list, with no index, and a read of one writes out what waits first.
 *
 * Collections not listed (sessions, leases: shared with the live service) and collections
 * with unique fields go straight to the store.
 */
export class WriteBehindStore implements ReadModelStore {
  private readonly buffered = new Map<string, BufferedCollection<object> | WrittenOnceCollection<object>>();
  private readonly checkpoints = new Map<string, number>();
  private flushing: Promise<void> | null = null;
  /** A bulk load still running on the store's own thread, which the next flush waits for first. */
  private loading: Promise<void> | null = null;
  /** Documents waiting to be written, over every collection. */
  dirty = 0;
  /** Flushes so far; a flush evicts the documents not read since the one before. */
  epoch = 0;

  /**
   * @param writtenOnce those of `collections` whose documents are each written once and not read while projecting.
   * @param flushDocuments how many documents waiting make the next batch flush them.
   */
  constructor(
    private readonly inner: ReadModelStore,
    private readonly collections: ReadonlySet<string>,
    private readonly writtenOnce: ReadonlySet<string> = new Set(),
    private readonly flushDocuments = FLUSH_DOCUMENTS,
  ) {}

  collection<T extends object>(name: string, options?: CollectionOptions): Collection<T> {
    if (!this.collections.has(name) || (options?.unique?.length ?? 0) > 0) return this.inner.collection(name, options);
    let collection = this.buffered.get(name);
    if (!collection) {
      const inner = this.inner.collection(name);
      collection = this.writtenOnce.has(name)
        ? new WrittenOnceCollection(this, inner)
        : new BufferedCollection(this, inner);
      this.buffered.set(name, collection);
    }
    return collection as unknown as Collection<T>;
  }

  /**
   * The writes are in memory already; a long run of them is flushed once they add up, on
   * the store's own thread where it has one (bulkLoad), while the next events are projected.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    const result = await work();
    if (this.dirty >= this.flushDocuments) await this.startFlush();
    return result;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? this.inner.getCheckpoint(projection);
  }

  /** Kept until the next flush, which writes it after the documents. */
  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.checkpoints.set(projection, position);
  }

  /** Writes everything waiting, in one transaction where the store has them, checkpoints last; resolves once it is written. */
  async flush(): Promise<void> {
    await this.startFlush();
    await this.loading;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Hands what is waiting to the store, one flush at a time and in order; resolves once the store has it in hand. */
  private async startFlush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.writeOut().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async writeOut(): Promise<void> {
    // A failed load fails the flush after it: the rebuild stops there, rather than switch to what is missing.
    await this.loading;
    const loads = [...this.buffered].map(([name, collection]) => ({
      collection: name,
      documents: collection.takeDirty(),
    }));
    const checkpoints = new Map(this.checkpoints);
    this.checkpoints.clear();
    this.dirty = 0;
    const unreadSince = this.epoch;
    this.epoch += 1;
    const written = loads.filter(({ documents }) => documents.length > 0);
    const load = this.inner.bulkLoad
      ? this.inner.bulkLoad(written, checkpoints)
      : loadInBatch(this.inner, written, checkpoints);
    // Evicted only once they are in the store, where a later read finds them.
    this.loading = load.then(() => {
      for (const collection of this.buffered.values()) collection.evictUnreadSince(unreadSince);
    });
    // Reported by the next flush, which awaits it; not an unhandled rejection meanwhile.
    this.loading.catch(() => {});
  }
}

interface Entry {
  /** The document as written (a snapshot, whatever the caller does with its object); null when deleted or absent. */
  json: string | null;
  /** Position of the last write that carried one; null if none did or it is not known (read back from the store). */
  position: number | null;
  dirty: boolean;
  /** The flush interval it was last read in; -1 if it was only written. */
  epoch: number;
}

/** What both kinds of collection below answer alike: a query sees every write, so what waits goes out first. */
abstract class FlushingQueries<T extends object> {
  constructor(
    protected readonly store: WriteBehindStore,
    protected readonly inner: Collection<T>,
  ) {}

  async find(options?: FindOptions): Promise<Page<T>> {
    await this.store.flush();
    return this.inner.find(options);
  }

  async count(filter?: Filter): Promise<number> {
    await this.store.flush();
    return this.inner.count(filter);
  }
}

class BufferedCollection<T extends object> extends FlushingQueries<T> implements Collection<T> {
  private readonly entries = new Map<string, Entry>();
  private written = new IdFilter();

  async get(id: string): Promise<T | null> {
    const entry = await this.entry(id);
    return entry?.json ? (JSON.parse(entry.json) as T) : null;
  }

  async upsert(id: string, doc: T, { position }: WriteOptions = {}): Promise<boolean> {
    const entry = this.entries.get(id);
    if (isStaleWrite(position, entry?.position)) return false;
    this.put(id, entry, JSON.stringify(doc), position ?? entry?.position ?? null);
    return true;
  }

  async delete(id: string, { position }: WriteOptions = {}): Promise<boolean> {
    const entry = await this.entry(id);
    if (isStaleWrite(position, entry?.position)) return false;
    const existed = entry?.json != null;
    this.put(id, entry, null, position ?? null);
    return existed;
  }

  async load(documents: LoadedDocument[]): Promise<void> {
    for (const { id, json, position } of documents) this.put(id, this.entries.get(id), json, position);
  }

  async clear(): Promise<void> {
    this.store.dirty -= [...this.entries.values()].filter((entry) => entry.dirty).length;
    this.entries.clear();
    this.written = new IdFilter();
    await this.inner.clear();
  }

  // Counters and leases are no projection's documents; they are passed on after what is waiting.
  async increment(id: string, by: number, window: CounterWindow): Promise<CounterDoc> {
    await this.passOn(id);
    return this.inner.increment(id, by, window);
  }

  async claim(id: string, holder: string, window: CounterWindow): Promise<boolean> {
    await this.passOn(id);
    return this.inner.claim(id, holder, window);
  }

  async deleteExpired(now: number): Promise<number> {
    await this.store.flush();
    this.entries.clear();
    return this.inner.deleteExpired(now);
  }

  /** This collection's waiting writes, for one load (WriteBehindStore.flush); they count as written from now. */
  takeDirty(): LoadedDocument[] {
    const documents: LoadedDocument[] = [];
    for (const [id, entry] of this.entries) {
      if (!entry.dirty) continue;
      documents.push({ id, json: entry.json, position: entry.position });
      entry.dirty = false;
    }
    return documents;
  }

  /** Forgets the documents written out and not read since flush `epoch`; those written again since stay. */
  evictUnreadSince(epoch: number): void {
    for (const [id, entry] of this.entries) if (!entry.dirty && entry.epoch < epoch) this.entries.delete(id);
  }

  private async entry(id: string): Promise<Entry | undefined> {
    const cached = this.entries.get(id);
    if (cached) {
      cached.epoch = this.store.epoch;
      return cached;
    }
    if (!this.written.mayHave(id)) return undefined;
    // Written in this rebuild, flushed and evicted since (or a false positive of the filter).
    const doc = await this.inner.get(id);
    if (doc === null) return undefined;
    const entry: Entry = { json: JSON.stringify(doc), position: null, dirty: false, epoch: this.store.epoch };
    this.entries.set(id, entry);
    return entry;
  }

  private put(id: string, entry: Entry | undefined, json: string | null, position: number | null): void {
    if (!entry?.dirty) this.store.dirty += 1;
    if (entry) {
      // Changed in place: a flush took its own copy of the fields (takeDirty).
      entry.json = json;
      entry.position = position;
      entry.dirty = true;
      return;
    }
    this.written.add(id);
    this.entries.set(id, { json, position, dirty: true, epoch: -1 });
  }

  private async passOn(id: string): Promise<void> {
    await this.store.flush();
    this.entries.delete(id);
    this.written.add(id);
  }
}

/**
 * A collection whose documents are written once each and not read while projecting: what
 * waits is a list, with no index of ids (on a million leaves, the index and the filter cost
 * a sixth of the audit log's rebuild). Anything but a write writes out what waits first and
 * goes to the store, which is right whatever is asked, and fast enough for the rare read.
 */
class WrittenOnceCollection<T extends object> extends FlushingQueries<T> implements Collection<T> {
  private waiting: LoadedDocument[] = [];

  async upsert(id: string, doc: T, { position }: WriteOptions = {}): Promise<boolean> {
    this.waiting.push({ id, json: JSON.stringify(doc), position: position ?? null });
    this.store.dirty += 1;
    return true;
  }

  async load(documents: LoadedDocument[]): Promise<void> {
    for (const document of documents) this.waiting.push(document);
    this.store.dirty += documents.length;
  }

  async get(id: string): Promise<T | null> {
    await this.store.flush();
    return this.inner.get(id);
  }

  async delete(id: string, options?: WriteOptions): Promise<boolean> {
    await this.store.flush();
    return this.inner.delete(id, options);
  }

  async clear(): Promise<void> {
    this.store.dirty -= this.waiting.length;
    this.waiting = [];
    await this.inner.clear();
  }

  async increment(id: string, by: number, window: CounterWindow): Promise<CounterDoc> {
    await this.store.flush();
    return this.inner.increment(id, by, window);
  }

  async claim(id: string, holder: string, window: CounterWindow): Promise<boolean> {
    await this.store.flush();
    return this.inner.claim(id, holder, window);
  }

  async deleteExpired(now: number): Promise<number> {
    await this.store.flush();
    return this.inner.deleteExpired(now);
  }

  takeDirty(): LoadedDocument[] {
    const documents = this.waiting;
    this.waiting = [];
    return documents;
  }

  evictUnreadSince(): void {}
}

/**
 * Which ids were ever written, in about 1.2 bytes each instead of the ids themselves: a
 * Bloom filter (no false negatives, about 1 % false positives), grown by adding a filter
 * twice as large whenever the last one is full.
 */
export class IdFilter {
  private static readonly HASHES = 7;
  private static readonly BITS_PER_ID = 10;
  private readonly layers: { bits: Uint32Array; mask: number; capacity: number; count: number }[] = [];

  add(id: string): void {
    let layer = this.layers.at(-1);
    if (!layer || layer.count >= layer.capacity) {
      const capacity = layer ? layer.capacity * 2 : 1 << 12;
      // A power of two of bits, so a hash is reduced with a mask.
      const size = 2 ** Math.ceil(Math.log2(capacity * IdFilter.BITS_PER_ID));
      layer = { bits: new Uint32Array(size / 32), mask: size - 1, capacity, count: 0 };
      this.layers.push(layer);
    }
    const [h1, h2] = hashes(id);
    for (let i = 0; i < IdFilter.HASHES; i += 1) {
      const bit = (h1 + i * h2) & layer.mask;
      layer.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    layer.count += 1;
  }

  mayHave(id: string): boolean {
    if (this.layers.length === 0) return false;
    const [h1, h2] = hashes(id);
    return this.layers.some((layer) => {
      for (let i = 0; i < IdFilter.HASHES; i += 1) {
        const bit = (h1 + i * h2) & layer.mask;
        if ((layer.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    });
  }
}

/** Two independent 32-bit hashes of a string (FNV-1a with two offsets, each finished by murmur3's mixer), for double hashing. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  // Odd, so the probes of one id never repeat within a power-of-two table.
  return [mix(a), mix(b) | 1];
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
