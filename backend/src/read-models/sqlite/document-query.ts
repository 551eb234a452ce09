import { createHash } from 'node:crypto';
import type { SQLInputValue } from 'node:sqlite';
import type { FieldFilter, Filter, FindOptions, Scalar } from '../read-model.port';
import { checkCollectionName, checkFieldName } from '../names';

/**
 * Turns port queries into SQL over the `documents` table. Collection and field names
 * are written into the SQL text rather than bound, because SQLite only uses an
 * expression or partial index when the query repeats the indexed expression word for
 * word; both are therefore checked against strict patterns first.
 */

/** Registered by the store on its connection: case-insensitive substring test on a JSON string value. */
export const CONTAINS_FUNCTION = 'json_string_contains';

/** SQL for one find or count, with the index that serves it. */
export interface DocumentQuery {
  /** The matching documents' JSON in order; binds `params`, then LIMIT and OFFSET. */
  select: string;
  /** How many documents match; binds `params`. */
  count: string;
  params: SQLInputValue[];
  index: DocumentIndex;
}

export interface DocumentIndex {
  name: string;
  sql: string;
}

/**
 * The field's value as JSON text, with an absent field read as `null` (so a filter on
 * null matches both). Comparing JSON text keeps types apart: 1, "1" and true differ.
 */
export function jsonValueOf(field: string): string {
  return `ifnull(doc -> '$.${checkFieldName(field)}', 'null')`;
}

/** The field's value as an SQL value, for ordering (numbers numerically, strings by code point). */
function sortValueOf(field: string): string {
  return `doc ->> '$.${checkFieldName(field)}'`;
}

export function documentQuery(collection: string, { filter = {}, search, sort = [] }: FindOptions = {}): DocumentQuery {
  const params: SQLInputValue[] = [];
  const filtered = filterConditions(filter, params);
  const conditions = [`collection = '${checkCollectionName(collection)}'`, 'doc IS NOT NULL', ...filtered.conditions];
  if (search && search.text !== '') conditions.push(searchCondition(search, params));
  const where = conditions.join(' AND ');
  const sortColumns = sort.map(
    ({ field, direction }) => `${sortValueOf(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`,
  );
  return {
    select: `SELECT doc FROM documents WHERE ${where} ORDER BY ${[...sortColumns, 'id ASC'].join(', ')} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) AS total FROM documents WHERE ${where}`,
    params,
    index: indexFor(collection, [...filtered.indexColumns, ...sortColumns]),
  };
}

/** Conditions in field order, so equal filters give equal SQL; index columns put equalities before `in`. */
function filterConditions(filter: Filter, params: SQLInputValue[]): { conditions: string[]; indexColumns: string[] } {
  const conditions: string[] = [];
  const equalities: string[] = [];
  const memberships: string[] = [];
  for (const [field, fieldFilter] of Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1))) {
    conditions.push(fieldCondition(field, fieldFilter, params));
    if (isScalar(fieldFilter)) equalities.push(jsonValueOf(field));
    else if ('in' in fieldFilter) memberships.push(jsonValueOf(field));
  }
  return { conditions, indexColumns: [...equalities, ...memberships] };
}

/**
 * A partial index on one collection's live documents that serves a query shape: its
 * equality and `in` fields first, then its sort fields, then id (the tie-break), so
 * SQLite finds, orders and counts from the index alone. With no fields it still spares
 * counts from reading every document. Named after its definition, so every process
 * sharing the file agrees on it.
 */
function indexFor(collection: string, columns: string[]): DocumentIndex {
  return indexOver(`(${[...columns, 'id'].join(', ')})`, collection);
}

/** The index of `collection`'s live documents over `columns` (their SQL, parenthesised, ending with id). */
export function indexOver(columns: string, collection: string): DocumentIndex {
  const definition = `${columns} WHERE ${scopeOf(collection)}`;
  const name = `documents_${createHash('sha256').update(definition).digest('hex').slice(0, 16)}`;
  return { name, sql: `CREATE INDEX IF NOT EXISTS ${name} ON documents ${definition}` };
}

const scopeOf = (collection: string) => `collection = '${checkCollectionName(collection)}' AND doc IS NOT NULL`;

/** An index `indexFor` made, as sqlite_master keeps its SQL: its name, columns and collection. */
const MADE_INDEX =
  /^CREATE INDEX (documents_[0-9a-f]{16}) ON documents (\(.*\)) WHERE collection = '([^']*)' AND doc IS NOT NULL$/s;

/** Of the indexes whose SQL is given (sqlite_master's), the query indexes of these collections: their names and columns. */
export function queryIndexesOf(sqls: string[], collections: ReadonlySet<string>): { name: string; columns: string }[] {
  return sqls.flatMap((sql) => {
    const made = MADE_INDEX.exec(sql);
    return made && collections.has(made[3]!) ? [{ name: made[1]!, columns: made[2]! }] : [];
  });
}

/** The test behind `contains` and `search`; the needle is lower-cased once here. */
export function jsonStringContains(json: unknown, needle: unknown): number {
  if (typeof json !== 'string' || !json.startsWith('"') || typeof needle !== 'string') return 0;
  return (JSON.parse(json) as string).toLowerCase().includes(needle) ? 1 : 0;
}

function fieldCondition(field: string, fieldFilter: FieldFilter, params: SQLInputValue[]): string {
  if (isScalar(fieldFilter)) {
    params.push(JSON.stringify(fieldFilter));
    return `${jsonValueOf(field)} = ?`;
  }
  if ('in' in fieldFilter) {
    if (fieldFilter.in.length === 0) return '0';
    params.push(...fieldFilter.in.map((value) => JSON.stringify(value)));
    return `${jsonValueOf(field)} IN (${fieldFilter.in.map(() => '?').join(', ')})`;
  }
  return containsCondition(field, fieldFilter.contains, params);
}

function searchCondition({ fields, text }: NonNullable<FindOptions['search']>, params: SQLInputValue[]): string {
  if (fields.length === 0) return '0';
  return `(${fields.map((field) => containsCondition(field, text, params)).join(' OR ')})`;
}

function containsCondition(field: string, text: string, params: SQLInputValue[]): string {
  params.push(text.toLowerCase());
  return `${CONTAINS_FUNCTION}(doc -> '$.${checkFieldName(field)}', ?)`;
}

function isScalar(fieldFilter: FieldFilter): fieldFilter is Scalar {
  return fieldFilter === null || typeof fieldFilter !== 'object';
}
