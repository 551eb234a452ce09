import { resolve } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  inBatch,
  inWriteTransaction,
  openSharedDatabase,
  waitingForLocks,
  whenUnlocked,
} from '../../event-store/sqlite/sqlite-database';
import {
  type Collection,
  type CollectionLoad,
  type CollectionOptions,
  DuplicateKeyError,
  loadInBatch,
  type ReadModelStore,
} from '../read-model.port';
import { checkCollectionName, checkFieldName } from '../names';
import { BulkWriter, SET_CHECKPOINT } from './bulk-writer';
import {
  CONTAINS_FUNCTION,
  type DocumentIndex,
  jsonStringContains,
  indexOver,
  jsonValueOf,
  queryIndexesOf,
} from './document-query';
import { type DocumentDatabase, SqliteCollection } from './sqlite-collection';
import { WalCheckpointer } from './wal-checkpointer';

/**
 * Documents are kept in the B-tree of their key, (collection, id), with no rowid: a rowid
 * table stored that key twice, in its rows and in the unique index behind the primary key,
 * which made up a fifth of the file (issue 13).
 */
const DOCUMENTS = `(
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT,
    position INTEGER,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID`;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents ${DOCUMENTS};
  CREATE TABLE IF NOT EXISTS unique_fields (
    collection TEXT NOT NULL,
    field TEXT NOT NULL,
    PRIMARY KEY (collection, field)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS unique_keys (
    collection TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (collection, field, value)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS unique_keys_by_document ON unique_keys (collection, id);
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) WITHOUT ROWID;`;

/**
 * One connection per file in a process, shared by every store opened on it. A projection
 * batch holds the file's write lock across awaits; a second connection of the same process
 * asking for that lock would block the thread the batch needs to finish, while a shared
 * connection's writes join the batch instead. Processes still share the file through WAL.
 */
const connections = new Map<string, { db: DatabaseSync; checkpointer: WalCheckpointer | null; stores: number }>();

/** Opens the read models kept in one SQLite file, creating it if needed. */
export async function openSqliteReadModelStore(file: string): Promise<ReadModelStore> {
  const key = file === ':memory:' ? null : resolve(file);
  let connection = key === null ? undefined : connections.get(key);
  if (!connection) {
    const db = openSharedDatabase(file, { durable: false }, (opened) =>
      inWriteTransaction(opened, () => {
        opened.exec(SCHEMA);
        keyDocumentsWithoutRowid(opened);
      }),
    );
    db.function(CONTAINS_FUNCTION, { deterministic: true }, jsonStringContains);
    connection = { db, checkpointer: key === null ? null : new WalCheckpointer(key, db), stores: 0 };
    if (key !== null) connections.set(key, connection);
  }
  connection.stores += 1;
  const shared = connection;
  return new SqliteReadModelStore(shared.db, key, async () => {
    shared.stores -= 1;
    if (shared.stores > 0) return;
    if (key !== null) connections.delete(key);
    await shared.checkpointer?.close();
    if (shared.db.isOpen) shared.db.close();
  });
}

/**
 * A file made before documents were kept without a rowid has them copied into the new
 * table once, by whichever process opens it first; the copy drops the old table's
 * indexes too, and each process makes again those its queries use (ensureIndex).
 */
function keyDocumentsWithoutRowid(db: DatabaseSync): void {
  const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get() as {
    sql: string;
  };
  if (/WITHOUT ROWID\s*$/i.test(sql)) return;
  db.exec(`
    CREATE TABLE documents_without_rowid ${DOCUMENTS};
    INSERT INTO documents_without_rowid (collection, id, doc, position)
      SELECT collection, id, doc, position FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_without_rowid RENAME TO documents;`);
}

class SqliteReadModelStore implements ReadModelStore, DocumentDatabase {
  private readonly statements = new Map<string, StatementSync>();
  private readonly ensuredIndexes = new Set<string>();
  private readonly buildingIndexes = new Map<string, Promise<void>>();
  private readonly collections = new Map<string, SqliteCollection<object>>();

  private closed = false;
  /** Started at the first bulk load or index; held in an object of its own so that views made with Object.create share it. */
  private readonly bulk: { writer: BulkWriter | null } = { writer: null };

  /** @param file the database file, or null in memory, where no other connection sees the data. */
  constructor(
    private readonly db: DatabaseSync,
    private readonly file: string | null,
    private readonly release: () => Promise<void>,
  ) {}

  /**
   * Unique fields are remembered in the file, like a unique index: declaring one once is
   * enough for every later handle, and declaring it on existing documents checks them.
   */
  collection<T extends object>(name: string, options: CollectionOptions = {}): Collection<T> {
    checkCollectionName(name);
    for (const field of options.unique ?? []) this.declareUniqueField(name, checkFieldName(field));
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new SqliteCollection(this, name);
      this.collections.set(name, collection);
    }
    return collection as SqliteCollection<T>;
  }

  async getCheckpoint(projection: string): Promise<number> {
    const row = this.prepare('SELECT position FROM checkpoints WHERE projection = ?').get(projection) as
      { position: number } | undefined;
    return row?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    await this.whenUnlocked(() => this.prepare(SET_CHECKPOINT).run(projection, position));
  }

  /** On the bulk writer's thread; in memory, or for a collection with unique fields, here in one batch. */
  async bulkLoad(loads: CollectionLoad[], checkpoints: ReadonlyMap<string, number>): Promise<void> {
    const unique = this.prepare('SELECT 1 FROM unique_fields WHERE collection = ? LIMIT 1');
    if (this.file !== null && loads.every(({ collection }) => unique.get(collection) === undefined)) {
      this.bulk.writer ??= new BulkWriter(this.file);
      return this.bulk.writer.load(loads, checkpoints);
    }
    await loadInBatch(this, loads, checkpoints);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.bulk.writer?.close();
    await this.release();
  }

  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  whenUnlocked<T>(write: () => T): Promise<T> {
    return whenUnlocked(write);
  }

  inWriteTransaction<T>(work: () => T): Promise<T> {
    return whenUnlocked(() => inWriteTransaction(this.db, work));
  }

  batch<T>(work: () => Promise<T>): Promise<T> {
    return inBatch(this.db, work);
  }

  /**
   * Built on the bulk writer's thread for a file (it reads the whole table), so that this
   * thread goes on answering meanwhile, once per index at a time; here in memory, or inside
   * a batch, whose transaction holds the write lock that thread would wait for.
   */
  ensureIndex(index: DocumentIndex): Promise<void> {
    if (this.ensuredIndexes.has(index.name)) return Promise.resolve();
    const built = () => void this.ensuredIndexes.add(index.name);
    if (this.file === null || this.db.isTransaction)
      return this.whenUnlocked(() => this.db.exec(index.sql)).then(built);
    let building = this.buildingIndexes.get(index.name);
    if (!building) {
      building = (this.bulk.writer ??= new BulkWriter(this.file))
        .exec(index.sql)
        .then(built)
        .finally(() => this.buildingIndexes.delete(index.name));
      this.buildingIndexes.set(index.name, building);
    }
    return building;
  }

  async copyIndexes(from: string, to: string): Promise<void> {
    for (const { columns } of queryIndexesOf(this.indexSqls(), new Set([from])))
      await this.ensureIndex(indexOver(columns, to));
  }

  async dropIndexes(collections: readonly string[]): Promise<void> {
    for (const { name } of queryIndexesOf(this.indexSqls(), new Set(collections))) {
      await this.whenUnlocked(() => this.db.exec(`DROP INDEX IF EXISTS ${name}`));
      this.ensuredIndexes.delete(name);
    }
  }

  private indexSqls(): string[] {
    const rows = this.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'").all();
    return rows.flatMap((row) => (typeof row['sql'] === 'string' ? [row['sql']] : []));
  }

  private declareUniqueField(collection: string, field: string): void {
    const declared = this.prepare('SELECT 1 FROM unique_fields WHERE collection = ? AND field = ?').get(
      collection,
      field,
    );
    if (declared) return;
    // collection() answers at once; declarations are rare (a collection's first opening), so waiting here is brief.
    waitingForLocks(this.db, () =>
      inWriteTransaction(this.db, () => {
        const { changes } = this.prepare('INSERT OR IGNORE INTO unique_fields (collection, field) VALUES (?, ?)').run(
          collection,
          field,
        );
        if (changes === 0) return;
        this.checkNoDuplicates(collection, field);
        this.prepare(
          `INSERT INTO unique_keys (collection, field, value, id)
         SELECT collection, ?, ${jsonValueOf(field)}, id FROM documents
         WHERE collection = ? AND doc IS NOT NULL AND ${jsonValueOf(field)} != 'null'`,
        ).run(field, collection);
      }),
    );
  }

  private checkNoDuplicates(collection: string, field: string): void {
    const duplicate = this.prepare(
      `SELECT ${jsonValueOf(field)} AS value FROM documents
       WHERE collection = ? AND doc IS NOT NULL AND ${jsonValueOf(field)} != 'null'
       GROUP BY value HAVING count(*) > 1 LIMIT 1`,
    ).get(collection) as { value: string } | undefined;
    if (duplicate) throw new DuplicateKeyError(collection, field, JSON.parse(duplicate.value));
  }
}
