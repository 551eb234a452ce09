import type { Filter as MongoFilter, Sort } from 'mongodb';
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

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkCollectionName(name: string): string {
  if (!COLLECTION_NAME.test(name)) throw new RangeError(`invalid collection name: ${JSON.stringify(name)}`);
  return name;
}

/** Field names go into dotted paths, so a dot or a dollar sign would reach somewhere else. */
export function checkFieldName(field: string): string {
  if (!FIELD_NAME.test(field)) throw new RangeError(`invalid field name: ${JSON.stringify(field)}`);
  return field;
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
