import type { SQLInputValue, StatementSync } from 'node:sqlite';
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
  type WriteOptions,
} from '../read-model.port';
import { type DocumentIndex, type DocumentQuery, documentQuery } from './document-query';

/** How `load` writes a document, and removes one (no position left behind); the bulk writer's thread runs the same. */
export const LOAD_DOCUMENT = `INSERT INTO documents (collection, id, doc, position) VALUES (?, ?, ?, ?)
  ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, position = excluded.position`;
export const REMOVE_DOCUMENT = 'DELETE FROM documents WHERE collection = ? AND id = ?';

/** What a collection needs from the store that owns the connection. */
export interface DocumentDatabase {
  prepare(sql: string): StatementSync;
  /** Runs a one-statement write once the file's write lock is free, without holding up the event loop meanwhile. */
  whenUnlocked<T>(write: () => T): Promise<T>;
  /** The same for a write transaction. */
  inWriteTransaction<T>(work: () => T): Promise<T>;
  /** Creates the index unless this process already did. */
  ensureIndex(index: DocumentIndex): Promise<void>;
}

interface StoredVersion {
  position: number | null;
  deleted: number;
}

/**
 * A collection's documents live in the shared `documents` table. A delete that carries
 * a position leaves a row without a document that remembers the position, so a write
 * replayed from before the delete stays ignored instead of bringing the document back.
 */
export class SqliteCollection<T extends object> implements Collection<T> {
  constructor(
    private readonly db: DocumentDatabase,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<T | null> {
    const row = this.db
      .prepare('SELECT doc FROM documents WHERE collection = ? AND id = ? AND doc IS NOT NULL')
      .get(this.name, id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async upsert(id: string, doc: T, options: WriteOptions = {}): Promise<boolean> {
    const uniqueFields = this.uniqueFields();
    const json = JSON.stringify(doc);
    const position = options.position ?? null;
    // Most collections have no unique field: one statement, atomic on its own, checks the
    // position and writes (a projection makes several of these per event). Unique fields
    // are declared when a collection is first opened, before any write to it.
    if (uniqueFields.length === 0) {
      const { changes } = await this.db.whenUnlocked(() =>
        this.db
          .prepare(
            `INSERT INTO documents (collection, id, doc, position) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, position = ifnull(excluded.position, position)
             WHERE ?4 IS NULL OR documents.position IS NULL OR ?4 > documents.position`,
          )
          .run(this.name, id, json, position),
      );
      return Number(changes) > 0;
    }
    return this.db.inWriteTransaction(() => {
      if (isStaleWrite(options.position, this.storedVersion(id)?.position)) return false;
      this.replaceUniqueKeys(id, doc, uniqueFields);
      this.db
        .prepare(
          `INSERT INTO documents (collection, id, doc, position) VALUES (?, ?, ?, ?)
           ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, position = ifnull(excluded.position, position)`,
        )
        .run(this.name, id, json, position);
      return true;
    });
  }

  async delete(id: string, options: WriteOptions = {}): Promise<boolean> {
    return this.db.inWriteTransaction(() => {
      const stored = this.storedVersion(id);
      if (isStaleWrite(options.position, stored?.position)) return false;
      this.db.prepare('DELETE FROM unique_keys WHERE collection = ? AND id = ?').run(this.name, id);
      if (options.position === undefined) {
        this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?').run(this.name, id);
      } else {
        this.db
          .prepare(
            `INSERT INTO documents (collection, id, doc, position) VALUES (?, ?, NULL, ?)
             ON CONFLICT (collection, id) DO UPDATE SET doc = NULL, position = excluded.position`,
          )
          .run(this.name, id, options.position);
      }
      return stored !== undefined && !stored.deleted;
    });
  }

  async find(options: FindOptions = {}): Promise<Page<T>> {
    const query = documentQuery(this.name, options);
    await this.db.ensureIndex(query.index);
    const { limit = -1, offset = 0 } = options;
    const rows = this.db.prepare(query.select).all(...query.params, limit, offset) as { doc: string }[];
    const items = rows.map((row) => JSON.parse(row.doc) as T);
    return { items, total: this.totalFor(query, items.length, options) };
  }

  async count(filter?: Filter): Promise<number> {
    const query = documentQuery(this.name, { filter });
    await this.db.ensureIndex(query.index);
    return this.countMatches(query);
  }

  async load(documents: LoadedDocument[]): Promise<void> {
    const uniqueFields = this.uniqueFields();
    await this.db.inWriteTransaction(() => {
      if (uniqueFields.length > 0) {
        for (const { id, json } of documents) {
          if (json === null)
            this.db.prepare('DELETE FROM unique_keys WHERE collection = ? AND id = ?').run(this.name, id);
          else this.replaceUniqueKeys(id, JSON.parse(json) as T, uniqueFields);
        }
      }
      // One prepared statement run per document measured faster here than multi-row INSERTs
      // (binding hundreds of parameters costs more than the statements saved).
      const write = this.db.prepare(LOAD_DOCUMENT);
      const remove = this.db.prepare(REMOVE_DOCUMENT);
      // In key order, each page of the documents' index is visited once instead of once per document.
      const ordered = documents.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const { id, json, position } of ordered) {
        if (json === null && position === null) remove.run(this.name, id);
        else write.run(this.name, id, json, position);
      }
    });
  }

  async clear(): Promise<void> {
    await this.db.inWriteTransaction(() => {
      this.db.prepare('DELETE FROM unique_keys WHERE collection = ?').run(this.name);
      this.db.prepare('DELETE FROM documents WHERE collection = ?').run(this.name);
    });
  }

  /** One statement, so SQLite's write lock makes it atomic across every process sharing the file. */
  async increment(id: string, by: number, { now, expiresAt }: CounterWindow): Promise<CounterDoc> {
    const row = (await this.db.whenUnlocked(() =>
      this.db
        .prepare(
          `INSERT INTO documents (collection, id, doc, position)
           VALUES (?1, ?2, json_object('id', ?2, 'count', ?3, 'expiresAt', ?4), NULL)
           ON CONFLICT (collection, id) DO UPDATE SET doc = CASE
             WHEN doc ->> '$.expiresAt' > ?5 THEN json_set(doc, '$.count', (doc ->> '$.count') + ?3)
             ELSE excluded.doc
           END
           RETURNING doc`,
        )
        .get(this.name, id, by, expiresAt, now),
    )) as { doc: string };
    return JSON.parse(row.doc) as CounterDoc;
  }

  /** One statement, so SQLite's write lock makes it atomic across every process sharing the file. */
  async claim(id: string, holder: string, { now, expiresAt }: CounterWindow): Promise<boolean> {
    const row = await this.db.whenUnlocked(() =>
      this.db
        .prepare(
          `INSERT INTO documents (collection, id, doc, position)
           VALUES (?1, ?2, json_object('id', ?2, 'holder', ?3, 'expiresAt', ?4), NULL)
           ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc
           WHERE doc IS NULL OR doc ->> '$.holder' = ?3 OR doc ->> '$.expiresAt' <= ?5
           RETURNING 1 AS claimed`,
        )
        .get(this.name, id, holder, expiresAt, now),
    );
    return row !== undefined;
  }

  async deleteExpired(now: number): Promise<number> {
    return this.db.inWriteTransaction(() => {
      const expired = `SELECT id FROM documents WHERE collection = ?1 AND doc ->> '$.expiresAt' <= ?2`;
      this.db.prepare(`DELETE FROM unique_keys WHERE collection = ?1 AND id IN (${expired})`).run(this.name, now);
      const { changes } = this.db
        .prepare(`DELETE FROM documents WHERE collection = ?1 AND id IN (${expired})`)
        .run(this.name, now);
      return Number(changes);
    });
  }

  /** Saves counting again when the page itself shows where the matches end. */
  private totalFor(query: DocumentQuery, found: number, { limit, offset = 0 }: FindOptions): number {
    const pageIsLast = limit === undefined || found < limit;
    if (pageIsLast && (found > 0 || offset === 0)) return offset + found;
    return this.countMatches(query);
  }

  private countMatches(query: DocumentQuery): number {
    const row = this.db.prepare(query.count).get(...query.params) as { total: number };
    return row.total;
  }

  private storedVersion(id: string): StoredVersion | undefined {
    return this.db
      .prepare('SELECT position, doc IS NULL AS deleted FROM documents WHERE collection = ? AND id = ?')
      .get(this.name, id) as StoredVersion | undefined;
  }

  /** Throws DuplicateKeyError, undone with the rest of the transaction, when another document holds a value. */
  private replaceUniqueKeys(id: string, doc: T, uniqueFields: string[]): void {
    this.db.prepare('DELETE FROM unique_keys WHERE collection = ? AND id = ?').run(this.name, id);
    for (const field of uniqueFields) {
      const value = (doc as Record<string, unknown>)[field];
      if (value === undefined || value === null) continue;
      const key: SQLInputValue = JSON.stringify(value);
      const holder = this.db
        .prepare('SELECT id FROM unique_keys WHERE collection = ? AND field = ? AND value = ?')
        .get(this.name, field, key);
      if (holder) throw new DuplicateKeyError(this.name, field, value);
      this.db
        .prepare('INSERT INTO unique_keys (collection, field, value, id) VALUES (?, ?, ?, ?)')
        .run(this.name, field, key, id);
    }
  }

  /** Read on every write: another process may have declared a unique field since. */
  private uniqueFields(): string[] {
    const rows = this.db.prepare('SELECT field FROM unique_fields WHERE collection = ?').all(this.name) as {
      field: string;
    }[];
    return rows.map((row) => row.field);
  }
}
