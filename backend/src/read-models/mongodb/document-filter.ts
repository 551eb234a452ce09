import { createHash } from 'node:crypto';
import type { IndexSpecification, Filter as MongoFilter, Sort } from 'mongodb';
import { checkFieldName } from '../names';
import type { FieldFilter, Filter, FindOptions, Scalar } from '../read-model.port';

/**
 * Turns port queries into MongoDB filters over the stored shape `{ _id, doc, position, keys }`:
 * the read-model document sits under `doc` (null once deleted), so the adapter's own
 * fields never meet a document's.
 */
export interface StoredDocument {
  _id: string;
  /** The read-model document; null for a delete that carried a position (a tombstone). */
  doc: Record<string, unknown> | null;
  /** Log position of the last write that carried one. */
  position: number | null;
  /** The document's non-null values of the collection's unique fields, which the unique indexes cover. */
  keys: Record<string, Scalar>;
}

const LIVE: MongoFilter<StoredDocument> = { doc: { $ne: null } };

export function documentFilter(filter: Filter = {}, search?: FindOptions['search']): MongoFilter<StoredDocument> {
  const conditions: MongoFilter<StoredDocument>[] = [LIVE];
  for (const [field, fieldFilter] of Object.entries(filter)) conditions.push(fieldCondition(field, fieldFilter));
  if (search && search.text !== '') {
    conditions.push({ $or: search.fields.map((field) => containsCondition(field, search.text)) });
  }
  return conditions.length === 1 ? LIVE : { $and: conditions };
}

/** Sort fields in turn, ties broken by id; BSON order puts absent and null values first. */
export function documentSort(sort: FindOptions['sort'] = []): Sort {
  return [
    ...sort.map(({ field, direction }): [string, 1 | -1] => [docPath(field), direction === 'desc' ? -1 : 1]),
    ['_id', 1],
  ];
}

export function docPath(field: string): string {
  return `doc.${checkFieldName(field)}`;
}

/** MongoDB equality keeps types apart (1, "1" and true differ) and matches null against absent fields. */
function fieldCondition(field: string, fieldFilter: FieldFilter): MongoFilter<StoredDocument> {
  if (isScalar(fieldFilter)) return { [docPath(field)]: fieldFilter };
  if ('in' in fieldFilter) return { [docPath(field)]: { $in: fieldFilter.in } };
  return containsCondition(field, fieldFilter.contains);
}

/** An escaped, case-insensitive regular expression: only strings match, and % or _ are plain characters. */
function containsCondition(field: string, text: string): MongoFilter<StoredDocument> {
  return { [docPath(field)]: { $regex: escapeRegExp(text), $options: 'i' } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function isScalar(fieldFilter: FieldFilter): fieldFilter is Scalar {
  return fieldFilter === null || typeof fieldFilter !== 'object';
}

/** An index that serves a query shape, named after its definition so every process agrees on it. */
export interface QueryIndex {
  name: string;
  keys: IndexSpecification;
}

/**
 * The index for a find or count: its equality and `in` fields (in name order), then its
 * sort fields, then `_id` (the tie-break), as the SQLite adapter does. Null when the
 * query has neither, which the `_id` index already serves.
 */
export function queryIndex({ filter = {}, sort = [] }: Pick<FindOptions, 'filter' | 'sort'>): QueryIndex | null {
  const keys: [string, 1 | -1][] = [];
  for (const [field, fieldFilter] of Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isScalar(fieldFilter) || 'in' in fieldFilter) keys.push([docPath(field), 1]);
  }
  for (const { field, direction } of sort) {
    if (!keys.some(([path]) => path === docPath(field))) keys.push([docPath(field), direction === 'desc' ? -1 : 1]);
  }
  if (keys.length === 0) return null;
  keys.push(['_id', 1]);
  const definition = JSON.stringify(keys);
  return { name: `query_${createHash('sha256').update(definition).digest('hex').slice(0, 16)}`, keys };
}
