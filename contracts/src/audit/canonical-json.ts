import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, ECMAScript number formatting, no whitespace,
 * so the same event hashes the same everywhere. Throws on values JSON cannot represent
 * (undefined, functions, NaN, Infinity, lone surrogates, cycles).
 */
export function canonicalJson(value: unknown): string {
  // JCS writes numbers and strings exactly as JSON.stringify does; only the key order
  // differs. So a value as JSON.parse gives it is written here in key order, each string
  // and number as JSON.stringify writes it: the verifier's hot path, a million times for a
  // city. Writing the text directly, rather than copying every object into key order for
  // JSON.stringify, costs less than half as much. Anything unusual takes the reference
  // library's path.
  const json = written(value, 0);
  if (json !== UNUSUAL) return json;
  const reference = canonicalize(value);
  if (reference === undefined) throw new TypeError(`${typeof value} has no JSON representation`);
  return reference;
}

const UNUSUAL: unique symbol = Symbol('unusual');
// Deeper values (or cycles) take the library's path, which handles and refuses them.
const MAX_DEPTH = 32;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
// A string JSON.stringify writes as itself in quotes: no quote, backslash, control character
// or surrogate (a well-formed pair is written as is too, but is rare: the slower path).
// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
// Each key's text with its colon, `"key":`, for the few keys a log repeats a million times.
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 10_000;

/**
 * `value` in canonical JSON, if it holds nothing but null, booleans, finite numbers,
 * well-formed strings, arrays and plain objects; UNUSUAL otherwise: undefined, functions,
 * toJSON, class instances, and keys that start with a digit (the library's path keeps
 * them apart from array indexes) or are __proto__.
 */
function written(value: unknown, depth: number): string | typeof UNUSUAL {
  switch (typeof value) {
    case 'string':
      return stringText(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : UNUSUAL;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return UNUSUAL;
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) return UNUSUAL;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return UNUSUAL;
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const element = written(value[i] as unknown, depth + 1);
      if (element === UNUSUAL) return UNUSUAL;
      text += i === 0 ? element : `,${element}`;
    }
    return `${text}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL;
  const record = value as Record<string, unknown>;
  if (typeof record['toJSON'] === 'function') return UNUSUAL;
  const keys = Object.keys(record);
  // Insertion sort of the key indexes in UTF-16 code-unit order: objects here have a few keys.
  const order: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    if ((first >= DIGIT_0 && first <= DIGIT_9) || key === '__proto__') return UNUSUAL;
    let at = i;
    while (at > 0 && keys[order[at - 1]!]! > key) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = i;
  }
  let text = '{';
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]!]!;
    let keyText = keyTexts.get(key);
    if (keyText === undefined) {
      const quoted = stringText(key);
      if (quoted === UNUSUAL) return UNUSUAL;
      keyText = `${quoted}:`;
      if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, keyText);
    }
    const child = written(record[key], depth + 1);
    if (child === UNUSUAL) return UNUSUAL;
    text += i === 0 ? keyText + child : `,${keyText}${child}`;
  }
  return `${text}}`;
}

function stringText(text: string): string | typeof UNUSUAL {
  if (PLAIN_STRING.test(text)) return `"${text}"`;
  return isWellFormed(text) ? JSON.stringify(text) : UNUSUAL;
}

// ES2024, in every runtime the contracts support; lib ES2023 does not declare it yet.
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
