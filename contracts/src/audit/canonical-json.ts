import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, ECMAScript number formatting, no whitespace,
 * so the same event hashes the same everywhere. Throws on values JSON cannot represent
 * (undefined, functions, NaN, Infinity, lone surrogates, cycles).
 */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError(`${typeof value} has no JSON representation`);
  return json;
}
