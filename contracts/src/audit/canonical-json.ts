import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, ECMAScript number formatting, no whitespace,
 * so the same event hashes the same everywhere. Throws on values JSON cannot represent
 * (undefined, functions, NaN, Infinity, lone surrogates, cycles).
 */
export function canonicalJson(value: unknown): string {
  // JCS writes numbers and strings exactly as JSON.stringify does; only the key order
  // differs. So a value as JSON.parse gives it is put in key order and written by the native
  // JSON.stringify: the verifier's hot path, a million times for a city. Anything unusual
  // takes the reference library's path.
  const ordered = inKeyOrder(value, 0);
  if (ordered !== UNUSUAL) return JSON.stringify(ordered);
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError(`${typeof value} has no JSON representation`);
  return json;
}

const UNUSUAL: unique symbol = Symbol('unusual');
// Deeper values (or cycles) take the library's path, which handles and refuses them.
const MAX_DEPTH = 32;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * `value` with every object's keys in UTF-16 code-unit order (the object itself when they
 * already are), if it holds nothing but null, booleans, finite numbers, well-formed strings,
 * arrays and plain objects; UNUSUAL otherwise: undefined, functions, toJSON, class
 * instances, and keys that start with a digit (JSON.stringify lists integer-like keys
 * first, whatever the insertion order) or are __proto__ (assignment would not copy them).
 */
function inKeyOrder(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return isWellFormed(value) ? value : UNUSUAL;
    case 'number':
      return Number.isFinite(value) ? value : UNUSUAL;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return UNUSUAL;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return UNUSUAL;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return UNUSUAL;
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const ordered = inKeyOrder(element, depth + 1);
      if (ordered === UNUSUAL) return UNUSUAL;
      if (ordered !== element) copy ??= value.slice(0, i);
      copy?.push(ordered);
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL;
  const record = value as Record<string, unknown>;
  if (typeof record['toJSON'] === 'function') return UNUSUAL;
  const keys = Object.keys(record);
  let sorted = true;
  let changed = false;
  const children: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    if ((first >= DIGIT_0 && first <= DIGIT_9) || key === '__proto__' || !isWellFormed(key)) return UNUSUAL;
    if (i > 0 && keys[i - 1]! >= key) sorted = false;
    const child = record[key];
    const ordered = inKeyOrder(child, depth + 1);
    if (ordered === UNUSUAL) return UNUSUAL;
    if (ordered !== child) changed = true;
    children.push(ordered);
  }
  if (sorted && !changed) return value;
  const order = keys.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  const copy: Record<string, unknown> = {};
  for (const i of order) copy[keys[i]!] = children[i];
  return copy;
}

// ES2024, in every runtime the contracts support; lib ES2023 does not declare it yet.
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
