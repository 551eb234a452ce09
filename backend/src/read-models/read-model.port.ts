/**
 * The read-model port: named collections of JSON documents. Every adapter (embedded
 * SQLite, MongoDB) passes the same contract suite (read-model.contract.ts).
 *
 * Projection writes carry the log position of the event that caused them; a write whose
 * position is not newer than the one the document already records is ignored, so
 * replaying events is harmless without multi-document transactions.
 */
export type Scalar = string | number | boolean | null;

export type FieldFilter = Scalar | { in: Scalar[] } | { contains: string };

/** Equality on top-level fields (all must hold); `in` matches any listed value; `contains` is a case-insensitive substring. */
export type Filter = Record<string, FieldFilter>;

export interface FindOptions {
  filter?: Filter;
  /** Fields to sort by, in order; ties are broken by document id ascending. */
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  offset?: number;
  /** Case-insensitive substring search across these fields (any may match). */
  search?: { fields: string[]; text: string };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface CollectionOptions {
  /** Top-level fields whose values must be unique across the collection's documents (null/absent values excepted). */
  unique?: string[];
}

export interface WriteOptions {
  /** Log position of the event behind this write; stale or repeated positions are ignored. */
  position?: number;
}

/** WriteOptions' rule, for every adapter: a write at or before the position its document was last written at is stale. */
export function isStaleWrite(position: number | undefined, storedPosition: number | null | undefined): boolean {
  return position !== undefined && storedPosition != null && position <= storedPosition;
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${collection}: another document already has ${field} = ${JSON.stringify(value)}`);
    this.name = 'DuplicateKeyError';
  }
}

/** A counter document, as `increment` keeps it: shared state such as rate limits across instances. */
export interface CounterDoc {
  id: string;
  count: number;
  /** Epoch milliseconds after which the counter no longer counts. */
  expiresAt: number;
}

/** A lease document, as `claim` keeps it: who holds it, until when. */
export interface LeaseDoc {
  id: string;
  holder: string;
  /** Epoch milliseconds after which anyone may claim it. */
  expiresAt: number;
}

/** The window an increment counts in: a counter expired at `now` starts again and expires at `expiresAt`. */
export interface CounterWindow {
  now: number;
  expiresAt: number;
}

/**
 * A document as a bulk load writes it, already serialised: `json` null with a position
 * is a delete that leaves its position behind (as `delete` with a position does), null
 * without one removes the document.
 */
export interface LoadedDocument {
  id: string;
  json: string | null;
  position: number | null;
}

/** One collection's documents for ReadModelStore.bulkLoad. */
export interface CollectionLoad {
  collection: string;
  documents: LoadedDocument[];
}

/** What bulkLoad does, on the caller's thread: each collection's load, then the checkpoints, in one batch. */
export async function loadInBatch(
  store: ReadModelStore,
  loads: CollectionLoad[],
  checkpoints: ReadonlyMap<string, number>,
): Promise<void> {
  const loadAll = async () => {
    for (const { collection, documents } of loads) await store.collection(collection).load(documents);
    for (const [projection, position] of checkpoints) await store.setCheckpoint(projection, position);
  };
  await (store.batch ? store.batch(loadAll) : loadAll());
}

export interface Collection<T extends object> {
  get(id: string): Promise<T | null>;
  /** Insert or replace. Returns false when ignored because the position is not newer. Throws DuplicateKeyError. */
  upsert(id: string, doc: T, options?: WriteOptions): Promise<boolean>;
  delete(id: string, options?: WriteOptions): Promise<boolean>;
  find(options?: FindOptions): Promise<Page<T>>;
  count(filter?: Filter): Promise<number>;
  /**
   * Writes these documents as they are, each replacing any stored under its id, without
   * comparing positions: for a writer that already knows each is the newest, a rebuild
   * filling collections nobody reads yet (see projections/write-behind.ts). Faster than
   * one upsert each (one transaction, one bulk write); ids must be distinct. Unique
   * fields still hold: a document taking another's value throws DuplicateKeyError, and
   * what the call wrote before it may stay.
   */
  load(documents: LoadedDocument[]): Promise<void>;
  /** Removes every document (used by rebuilds and tests). */
  clear(): Promise<void>;
  /**
   * Adds `by` to the counter `id` in one atomic step, whichever instance or process else
   * increments it at the same time, and returns the counter as it left it. An absent
   * counter, or one whose `expiresAt` is not after `window.now`, starts again at `by` and
   * expires at `window.expiresAt`. For collections of counters only (no unique fields, no positions).
   */
  increment(id: string, by: number, window: CounterWindow): Promise<CounterDoc>;
  /**
   * Takes or renews the lease `id` for `holder` until `window.expiresAt`, in one atomic
   * step across instances and processes, and says whether `holder` now has it: it does if
   * the lease was free, held by `holder` already, or expired at `window.now`. Claiming with
   * `expiresAt` = `now` gives it up. For collections of leases only.
   */
  claim(id: string, holder: string, window: CounterWindow): Promise<boolean>;
  /**
   * Removes the documents whose top-level `expiresAt` is a number not after `now`, and
   * says how many. For collections written without positions (counters, sessions).
   */
  deleteExpired(now: number): Promise<number>;
}

export interface ReadModelStore {
  collection<T extends object>(name: string, options?: CollectionOptions): Collection<T>;
  /**
   * Runs `work` with its writes committed together at the end, where the store can (one
   * SQLite transaction instead of one per write); each write still applies or fails on its
   * own, and a write from elsewhere meanwhile is committed with them. Without it, writes
   * commit one by one.
   */
  batch?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Loads collections' documents as Collection.load does, then sets checkpoints, in one
   * transaction, on a thread of its own where the store has one, so the caller goes on
   * meanwhile (a rebuild's flushes). Only for collections without unique fields. Without
   * it, callers load each collection within a batch.
   */
  bulkLoad?(loads: CollectionLoad[], checkpoints: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Where a store builds the indexes of queries as they are first made, on a table every
   * collection shares (SQLite): gives collection `to` the indexes `from` has. A rebuild gives
   * the next generation the live one's before filling it, so that no live process builds
   * them on its first queries after the switch, its requests waiting meanwhile.
   */
  copyIndexes?(from: string, to: string): Promise<void>;
  /** Drops these collections' query indexes, once nobody queries them (each write evaluates every index's condition). */
  dropIndexes?(collections: readonly string[]): Promise<void>;
  getCheckpoint(projection: string): Promise<number>;
  setCheckpoint(projection: string, position: number): Promise<void>;
  close(): Promise<void>;
}

export const READ_MODEL_STORE = Symbol('ReadModelStore');
