import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuplicateKeyError } from '../read-model.port';
import { openSqliteReadModelStore } from './sqlite-read-model-store';

/**
 * A data directory made before documents were kept without a rowid (issue 13) keeps
 * working: its documents, tombstones, positions and unique fields are all there after
 * the first open, in the new table. And the query indexes on that one table move from a
 * collection to another (a rebuilt generation) without any query building them.
 */
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-layout-'));
  file = join(dir, 'read-models.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The file as the previous version left it: a rowid table, a unique field and an index of a query. */
function writtenByThePreviousVersion(): void {
  const db = new DatabaseSync(file);
  db.exec(`
    CREATE TABLE documents (
      collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT, position INTEGER, PRIMARY KEY (collection, id)
    );
    CREATE TABLE unique_fields (
      collection TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (collection, field)
    ) WITHOUT ROWID;
    CREATE TABLE unique_keys (
      collection TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
      PRIMARY KEY (collection, field, value)
    ) WITHOUT ROWID;
    CREATE INDEX unique_keys_by_document ON unique_keys (collection, id);
    CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX documents_0123456789abcdef ON documents (ifnull(doc -> '$.district', 'null'), id)
      WHERE collection = 'people' AND doc IS NOT NULL;
    INSERT INTO documents VALUES ('people', 'ana', '{"id":"ana","district":"centro","email":"ana@example.mx"}', 7);
    INSERT INTO documents VALUES ('people', 'beto', NULL, 9);
    INSERT INTO documents VALUES ('sessions', 's1', '{"id":"s1","expiresAt":1}', NULL);
    INSERT INTO unique_fields VALUES ('people', 'email');
    INSERT INTO unique_keys VALUES ('people', 'email', '"ana@example.mx"', 'ana');
    INSERT INTO checkpoints VALUES ('people', 9);`);
  db.close();
}

it("moves an older file's documents into the table without rowids on open, and they behave as before", async () => {
  writtenByThePreviousVersion();
  const store = await openSqliteReadModelStore(file);
  try {
    const people = store.collection<{ id: string; district: string; email: string }>('people');
    expect(await people.get('ana')).toEqual({ id: 'ana', district: 'centro', email: 'ana@example.mx' });
    expect(await people.find({ filter: { district: 'centro' } })).toEqual({
      items: [{ id: 'ana', district: 'centro', email: 'ana@example.mx' }],
      total: 1,
    });
    // The positions came along: an older write is still ignored, and so is one replayed before the delete.
    expect(await people.upsert('ana', { id: 'ana', district: 'norte', email: 'ana@example.mx' }, { position: 7 })).toBe(
      false,
    );
    expect(
      await people.upsert('beto', { id: 'beto', district: 'norte', email: 'beto@example.mx' }, { position: 8 }),
    ).toBe(false);
    await expect(
      people.upsert('carla', { id: 'carla', district: 'centro', email: 'ana@example.mx' }, { position: 10 }),
    ).rejects.toThrow(DuplicateKeyError);
    expect(await store.getCheckpoint('people')).toBe(9);
    expect(await store.collection<{ id: string }>('sessions').get('s1')).toEqual({ id: 's1', expiresAt: 1 });
  } finally {
    await store.close();
  }
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'documents%'")
      .all();
    expect(tables).toEqual([{ name: 'documents', sql: expect.stringMatching(/WITHOUT ROWID$/) }]);
  } finally {
    db.close();
  }
});

it('opens a file already in the new layout again, documents and all', async () => {
  const first = await openSqliteReadModelStore(file);
  await first.collection<{ id: string }>('people').upsert('ana', { id: 'ana' }, { position: 1 });
  await first.close();
  const again = await openSqliteReadModelStore(file);
  try {
    expect(await again.collection<{ id: string }>('people').get('ana')).toEqual({ id: 'ana' });
  } finally {
    await again.close();
  }
});

/** The query indexes named in the file, by the collection their condition names. */
function queryIndexes(): Map<string, string[]> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'")
      .all();
    const byCollection = new Map<string, string[]>();
    for (const { name, sql } of rows as { name: string; sql: string | null }[]) {
      const collection = /WHERE collection = '([^']*)'/.exec(sql ?? '')?.[1];
      if (collection) byCollection.set(collection, [...(byCollection.get(collection) ?? []), name].sort());
    }
    return byCollection;
  } finally {
    db.close();
  }
}

it("gives a collection another's query indexes, named as its own queries would make them, and drops them", async () => {
  const store = await openSqliteReadModelStore(file);
  try {
    const live = store.collection<{ id: string; district: string; at: number }>('people.g1');
    await live.upsert('ana', { id: 'ana', district: 'centro', at: 1 });
    await live.find({ filter: { district: 'centro' }, sort: [{ field: 'at', direction: 'desc' }] });
    await live.count({ district: 'centro' });
    expect(queryIndexes().get('people.g1')).toHaveLength(2);

    await store.copyIndexes('people.g1', 'people.g2');
    const copied = queryIndexes().get('people.g2');
    expect(copied).toHaveLength(2);
    // The next generation's own queries find their indexes made: none is added.
    const next = store.collection<{ id: string; district: string; at: number }>('people.g2');
    await next.upsert('beto', { id: 'beto', district: 'centro', at: 2 });
    expect(
      (await next.find({ filter: { district: 'centro' }, sort: [{ field: 'at', direction: 'desc' }] })).total,
    ).toBe(1);
    expect(await next.count({ district: 'centro' })).toBe(1);
    expect(queryIndexes().get('people.g2')).toEqual(copied);

    await store.dropIndexes(['people.g1']);
    expect(queryIndexes().has('people.g1')).toBe(false);
    expect(queryIndexes().get('people.g2')).toEqual(copied);
  } finally {
    await store.close();
  }
});
