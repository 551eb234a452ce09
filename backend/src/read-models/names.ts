/**
 * The names every read-model adapter accepts. They end up inside SQL text and MongoDB
 * dotted paths, so anything beyond letters, digits and a few separators (a quote, a dot
 * in a field, a dollar sign) would reach somewhere else.
 */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkCollectionName(name: string): string {
  if (!COLLECTION_NAME.test(name)) throw new RangeError(`invalid collection name: ${JSON.stringify(name)}`);
  return name;
}

export function checkFieldName(field: string): string {
  if (!FIELD_NAME.test(field)) throw new RangeError(`invalid field name: ${JSON.stringify(field)}`);
  return field;
}
