import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { toHex } from './encoding';

describe('canonicalJson (RFC 8785)', () => {
  // Sample input and expected output of the JCS reference implementation by the RFC's
  // author: github.com/cyberphone/json-canonicalization, README.md.
  const sampleInput = String.raw`{
    "numbers": [1E30, 4.50, 6, 2e-3, 0.000000000000000000000000001],
    "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "other":  [null, true, false]
  }`;
  const sampleOutput = String.raw`{"escaping":"€$\u000f\nA'B\"\\\\\"/","numbers":[1e+30,4.5,6,0.002,1e-27],"other":[null,true,false]}`;
  const sampleUtf8 =
    '7b226573636170696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f222c226e756d62657273223a5b' +
    '31652b33302c342e352c362c302e3030322c31652d32375d2c226f74686572223a5b6e756c6c2c747275652c66616c73655d7d';

  it('formats numbers, escapes strings and sorts keys as the reference sample', () => {
    expect(canonicalJson(JSON.parse(sampleInput))).toBe(sampleOutput);
  });

  it('encodes to the reference UTF-8 bytes', () => {
    expect(toHex(new TextEncoder().encode(canonicalJson(JSON.parse(sampleInput))))).toBe(sampleUtf8);
  });

  it('orders keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\u000a": "Newline", "1": "One",
      "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley",
      "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh"
    }`;
    // Read the order off the text: Object.values would list integer-like keys first.
    const serialisedOrder = [...canonicalJson(JSON.parse(input)).matchAll(/:"([^"]*)"/g)].map((match) => match[1]);
    expect(serialisedOrder).toEqual([
      'Newline',
      'Carriage Return',
      'One',
      'Control\u007f',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Smiley',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('writes numbers the ECMAScript way', () => {
    // The literal is the RFC 8785 example on purpose: it rounds to 333333333.3333333.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalJson([-0, 1e21, 1e-7, 333333333.33333329, 100, 0.1 + 0.2])).toBe(
      '[0,1e+21,1e-7,333333333.3333333,100,0.30000000000000004]',
    );
  });

  it('gives the same text whatever the key order of the input', () => {
    expect(canonicalJson({ b: { y: 1, x: 2 }, a: 'ü' })).toBe(canonicalJson({ a: 'ü', b: { x: 2, y: 1 } }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow();
    expect(() => canonicalJson({ amount: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson({ text: '\ud800' })).toThrow();
  });
});

describe('canonicalJson against the reference library', () => {
  // Keys that exercise the ordering: integer-like, __proto__, non-ASCII, surrogate pairs.
  const key = fc.oneof(
    fc.string(),
    fc.constantFrom('1', '10', '9', '__proto__', 'é', '\u20ac', '\ud83d\ude02', '', 'a', 'B'),
  );
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.string({ unit: 'binary' }),
      fc.array(tie('value')),
      fc.dictionary(key, tie('value')),
    ),
  })).value;

  it('writes every JSON value exactly as canonicalize does, key order and all', () => {
    fc.assert(
      fc.property(json, (value) => {
        // Through JSON text too: the verifier hashes what JSON.parse gives it.
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(value)).toBe(canonicalize(value));
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('throws where canonicalize does: lone surrogates in keys and values, nested', () => {
    expect(() => canonicalJson({ b: [{ a: '\udc00' }] })).toThrow();
    expect(() => canonicalJson({ '\ud800': 1 })).toThrow();
  });
});
