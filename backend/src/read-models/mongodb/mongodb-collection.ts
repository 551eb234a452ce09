import {
  type AnyBulkWriteOperation,
  type Collection as MongoCollection,
  type Filter as MongoFilter,
  MongoServerError,
} from 'mongodb';
import {
  type Collection,
  type CounterDoc,
  type CounterWindow,
  DuplicateKeyError,
  isStaleWrite,
  type Filter,
  type FindOptions,
  type LoadedDocument,
  type Page,
  type Scalar,
  type WriteOptions,
} from '../read-model.port';
import { documentFilter, documentSort, queryIndex, type StoredDocument } from './document-filter';

/** What a collection handle shares with every other handle on the same collection in this process. */
export interface CollectionState {
  /** Settles once the collection's unique indexes are known and any declared here exist. */
  ready: Promise<void>;
  /** Unique fields, from the collection's indexes and from declarations through this store. */
  unique: Set<string>;
  /** Query-shape indexes this process has made sure of. */
  indexes: Map<string, Promise<void>>;
}

const DUPLICATE_KEY = 11000;
const INTERNAL_ERROR = 1;
const SQLITE_UNIQUE = 'UNIQUE constraint failed';

/**
 * How often a write that met a conflict nothing explains is tried. That is a racing insert
 * of the same id: MongoDB retries such upserts itself, FerretDB reports the collision.
 */
const ATTEMPTS = 3;

/** Runs an upsert again if it lost an insert race for its `_id`; the next try updates the winner's document. */
export async function retryingRacedInsert<T>(upsert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await upsert();
    } catch (error) {
      if (!isDuplicateKey(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

/**
 * One read-model collection in one MongoDB collection. Every write is a single-document
 * operation whose filter carries the position guard, so no write needs a transaction: a
 * write whose position is not newer matches nothing, its upsert then collides with the
 * existing `_id`, and that collision is read as "stale". A delete that carries a position
 * leaves a tombstone (`doc: null`) that remembers it.
 */
export class MongoDbCollection<T extends object> implements Collection<T> {
  constructor(
    private readonly name: string,
    private readonly documents: MongoCollection<StoredDocument>,
    private readonly state: CollectionState,
  ) {}

  async get(id: string): Promise<T | null> {
    await this.state.ready;
    const stored = await this.documents.findOne({ _id: id }, { projection: { doc: 1 } });
    return (stored?.doc as T | null | undefined) ?? null;
  }

  async upsert(id: string, doc: T, options: WriteOptions = {}): Promise<boolean> {
    await this.state.ready;
    // A JSON round trip, so the store keeps exactly what the SQLite adapter would (no Dates, no undefined).
    const json = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const { position } = options;
    const update =
      position === undefined
        ? { $set: { doc: json, keys: this.keysOf(json) }, $setOnInsert: { position: null } }
        : { $set: { doc: json, keys: this.keysOf(json), position } };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.documents.updateOne(guarded(id, position), update, { upsert: true });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await this.isStale(id, position)) return false;
        const held = await this.heldKey(id, json);
        if (held) throw new DuplicateKeyError(this.name, held.field, held.value);
        if (attempt === ATTEMPTS) throw error;
      }
    }
  }

  async delete(id: string, options: WriteOptions = {}): Promise<boolean> {
    await this.state.ready;
    const { position } = options;
    if (position === undefined) {
      const removed = await this.documents.findOneAndDelete({ _id: id });
      return removed?.doc != null;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const before = await this.documents.findOneAndUpdate(
          guarded(id, position),
          { $set: { doc: null, keys: {}, position } },
          { upsert: true, returnDocument: 'before' },
        );
        return before?.doc != null;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (await this.isStale(id, position)) return false;
        if (attempt === ATTEMPTS) throw error;
      }
    }
  }

  async find(options: FindOptions = {}): Promise<Page<T>> {
    await this.state.ready;
    await this.ensureIndexFor(options);
    const filter = documentFilter(options.filter, options.search);
    const { limit, offset = 0 } = options;
    const stored = await this.documents
      .find(filter, { projection: { doc: 1 }, sort: documentSort(options.sort), skip: offset, limit: limit ?? 0 })
      .toArray();
    const items = stored.map((document) => document.doc as T);
    // Saves counting again when the page itself shows where the matches end.
    const pageIsLast = limit === undefined || items.length < limit;
    if (pageIsLast && (items.length > 0 || offset === 0)) return { items, total: offset + items.length };
    return { items, total: await this.documents.countDocuments(filter) };
  }

  async count(filter?: Filter): Promise<number> {
    await this.state.ready;
    await this.ensureIndexFor({ filter });
    return this.documents.countDocuments(documentFilter(filter));
  }

  /** One unordered bulk write: each document replaced whole, positions as given, no guard. */
  async load(documents: LoadedDocument[]): Promise<void> {
    await this.state.ready;
    if (documents.length === 0) return;
    const writes = documents.map(({ id, json, position }): AnyBulkWriteOperation<StoredDocument> => {
      if (json === null && position === null) return { deleteOne: { filter: { _id: id } } };
      const doc = json === null ? null : (JSON.parse(json) as Record<string, unknown>);
      return {
        replaceOne: {
          filter: { _id: id },
          replacement: { doc, keys: doc === null ? {} : this.keysOf(doc), position },
          upsert: true,
        },
      };
    });
    try {
      await this.documents.bulkWrite(writes, { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      for (const { id, json } of documents) {
        const held = json === null ? null : await this.heldKey(id, JSON.parse(json) as Record<string, unknown>);
        if (held) throw new DuplicateKeyError(this.name, held.field, held.value);
      }
      throw error;
    }
  }

  async clear(): Promise<void> {
    await this.state.ready;
    await this.documents.deleteMany({});
  }

  /**
   * Two single-document steps, each atomic: add to a live counter; failing that, start an
   * absent or expired one afresh. If another instance started it between the two, the
   * upsert collides with its `_id`, and the next round adds to the counter it started.
   */
  async increment(id: string, by: number, { now, expiresAt }: CounterWindow): Promise<CounterDoc> {
    await this.state.ready;
    for (let attempt = 1; ; attempt += 1) {
      const live = await this.documents.findOneAndUpdate(
        { _id: id, 'doc.expiresAt': { $gt: now } },
        { $inc: { 'doc.count': by } },
        { returnDocument: 'after' },
      );
      if (live?.doc) return live.doc as unknown as CounterDoc;
      try {
        const started = await this.documents.findOneAndUpdate(
          { _id: id, $or: [{ doc: null }, { 'doc.expiresAt': { $lte: now } }] },
          { $set: { doc: { id, count: by, expiresAt }, keys: {}, position: null } },
          { upsert: true, returnDocument: 'after' },
        );
        return started!.doc as unknown as CounterDoc;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt === ATTEMPTS) throw error;
      }
    }
  }

  /**
   * One conditional upsert: it matches the lease when it is free, this holder's or expired,
   * and otherwise collides with the existing `_id`, which means someone else holds it.
   */
  async claim(id: string, holder: string, { now, expiresAt }: CounterWindow): Promise<boolean> {
    await this.state.ready;
    try {
      await this.documents.updateOne(
        { _id: id, $or: [{ doc: null }, { 'doc.holder': holder }, { 'doc.expiresAt': { $lte: now } }] },
        { $set: { doc: { id, holder, expiresAt }, keys: {}, position: null } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async deleteExpired(now: number): Promise<number> {
    await this.state.ready;
    const { deletedCount } = await this.documents.deleteMany({ 'doc.expiresAt': { $lte: now } });
    return deletedCount;
  }

  /**
   * Creates the index serving this query shape the first time this process meets it, so
   * reads do not scan the collection; creating one that exists is a no-op on the server.
   */
  private async ensureIndexFor(options: Pick<FindOptions, 'filter' | 'sort'>): Promise<void> {
    const index = queryIndex(options);
    if (!index) return;
    let creating = this.state.indexes.get(index.name);
    if (!creating) {
      creating = this.documents.createIndex(index.keys, { name: index.name }).then(() => undefined);
      // A failed attempt is tried again by the next query rather than remembered.
      creating.catch(() => this.state.indexes.delete(index.name));
      this.state.indexes.set(index.name, creating);
    }
    await creating;
  }

  /** The values the unique indexes cover; null and absent values are left out, so they never collide. */
  private keysOf(doc: Record<string, unknown>): Record<string, Scalar> {
    const keys: Record<string, Scalar> = {};
    for (const field of this.state.unique) {
      const value = doc[field];
      if (value !== undefined && value !== null) keys[field] = value as Scalar;
    }
    return keys;
  }

  private async isStale(id: string, position: number | undefined): Promise<boolean> {
    if (position === undefined) return false;
    const stored = await this.documents.findOne({ _id: id }, { projection: { position: 1 } });
    return isStaleWrite(position, stored?.position);
  }

  /** Which unique value of `doc` another document holds, if any (the server's error does not always say). */
  private async heldKey(id: string, doc: Record<string, unknown>): Promise<{ field: string; value: Scalar } | null> {
    for (const [field, value] of Object.entries(this.keysOf(doc))) {
      const holder = await this.documents.findOne(
        { [`keys.${field}`]: value, _id: { $ne: id } } as MongoFilter<StoredDocument>,
        { projection: { _id: 1 } },
      );
      if (holder) return { field, value };
    }
    return null;
  }
}

/** Matches the document only if the write's position is newer than the one it records (or either has none). */
function guarded(id: string, position: number | undefined): MongoFilter<StoredDocument> {
  if (position === undefined) return { _id: id };
  return { _id: id, $or: [{ position: { $lt: position } }, { position: null }] };
}

/**
 * MongoDB reports a unique index violation as E11000. FerretDB 1.24 on SQLite does so for
 * inserts, but an update that breaks a unique index comes back as an InternalError
 * carrying SQLite's own message, so that form counts too.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof MongoServerError)) return false;
  return error.code === DUPLICATE_KEY || (error.code === INTERNAL_ERROR && error.message.includes(SQLITE_UNIQUE));
}
