import { type Db, MongoClient } from 'mongodb';
import { type Collection, type CollectionOptions, DuplicateKeyError, type ReadModelStore } from '../read-model.port';
import { checkCollectionName, checkFieldName } from '../names';
import type { StoredDocument } from './document-filter';
import { type CollectionState, isDuplicateKey, MongoDbCollection, retryingRacedInsert } from './mongodb-collection';
import { connectMongoDb } from './connection-string';

/** Adapter-owned collections start with an underscore, which read-model names cannot. */
const CHECKPOINTS = '_checkpoints';
const UNIQUE_INDEX_PREFIX = 'unique_';

interface CheckpointDocument {
  _id: string;
  position: number;
}

export interface MongoDbReadModelStoreOptions {
  /** How long start-up may wait for the server before MONGODB_URL counts as unreachable. Default 3 s. */
  connectTimeoutMs?: number;
}

/**
 * Opens the read models kept in the MongoDB database named by the connection string.
 * Fails fast, with an error naming MONGODB_URL, when the string is malformed, names no
 * database, or the server does not answer.
 */
export async function openMongoDbReadModelStore(
  connectionString: string,
  options: MongoDbReadModelStoreOptions = {},
): Promise<ReadModelStore> {
  const { client, db } = await connectMongoDb(connectionString, options.connectTimeoutMs ?? 3_000);
  return new MongoDbReadModelStore(client, db);
}

/**
 * Unique fields are unique indexes on `keys.<field>`, sparse so documents without the
 * value are left out. FerretDB does not implement partial indexes and ignores `sparse`,
 * but its SQLite backend leaves absent values out of unique indexes anyway; null values
 * are never written into `keys`, so both servers agree.
 */
class MongoDbReadModelStore implements ReadModelStore {
  private readonly states = new Map<string, CollectionState>();
  private readonly collections = new Map<string, MongoDbCollection<object>>();

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  collection<T extends object>(name: string, options: CollectionOptions = {}): Collection<T> {
    checkCollectionName(name);
    const state = this.stateOf(name);
    for (const field of options.unique ?? []) {
      checkFieldName(field);
      if (state.unique.has(field)) continue;
      state.unique.add(field);
      state.ready = state.ready.then(() => this.declareUniqueField(name, field));
    }
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MongoDbCollection(name, this.db.collection<StoredDocument>(name), state);
      this.collections.set(name, collection);
    }
    return collection as MongoDbCollection<T>;
  }

  async getCheckpoint(projection: string): Promise<number> {
    const stored = await this.db.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: projection });
    return stored?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    const checkpoints = this.db.collection<CheckpointDocument>(CHECKPOINTS);
    await retryingRacedInsert(() =>
      checkpoints.updateOne({ _id: projection }, { $set: { position } }, { upsert: true }),
    );
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** The first handle on a collection learns the unique fields another process may have declared. */
  private stateOf(name: string): CollectionState {
    let state = this.states.get(name);
    if (!state) {
      const unique = new Set<string>();
      state = { unique, indexes: new Map(), ready: this.loadUniqueFields(name, unique) };
      this.states.set(name, state);
    }
    return state;
  }

  private async loadUniqueFields(name: string, unique: Set<string>): Promise<void> {
    const exists = await this.db.listCollections({ name }, { nameOnly: true }).hasNext();
    if (!exists) return;
    for (const index of await this.db.collection(name).listIndexes().toArray()) {
      const indexName = String(index['name']);
      if (index['unique'] && indexName.startsWith(UNIQUE_INDEX_PREFIX)) {
        unique.add(indexName.slice(UNIQUE_INDEX_PREFIX.length));
      }
    }
  }

  /**
   * Creates the index, then copies the field's values of documents written before it into
   * `keys`; a value two of them share fails the declaration with DuplicateKeyError.
   */
  private async declareUniqueField(name: string, field: string): Promise<void> {
    const documents = this.db.collection<StoredDocument>(name);
    await documents.createIndex(
      { [`keys.${field}`]: 1 },
      { name: `${UNIQUE_INDEX_PREFIX}${field}`, unique: true, sparse: true },
    );
    const path = `doc.${field}`;
    const unkeyed = documents.find(
      { doc: { $ne: null }, [path]: { $ne: null }, [`keys.${field}`]: { $exists: false } },
      { projection: { doc: 1 } },
    );
    for await (const stored of unkeyed) {
      const value = stored.doc?.[field];
      try {
        await documents.updateOne({ _id: stored._id }, { $set: { [`keys.${field}`]: value } });
      } catch (error) {
        if (isDuplicateKey(error)) throw new DuplicateKeyError(name, field, value);
        throw error;
      }
    }
  }
}
