import fc from 'fast-check';
import { canonicalJson } from '../audit/canonical-json';
import { isWellFormedText, longText, shortText } from './text';

const title = shortText(1, 50);
const description = longText(1, 200);
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

/** Any code point, lone surrogates included, and the characters this is about. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '\ud800',
      '\udc00',
      '\u0000',
      '\t',
      '\n',
      '\r',
      '\u007f',
      '\u0085',
      '\u2028',
      '😀',
      'e\u0301',
    ),
    maxLength: 30,
  }),
);

describe('text people type', () => {
  it('refuses a lone surrogate, high or low or out of order, saying what is wrong', () => {
    for (const value of ['a\ud800b', 'a\udc00', '\udc00\ud800', 'fin\ud83d']) {
      const result = title.safeParse(value);
      expect(result.success).toBe(false);
      expect(messages(result)).toEqual([
        'contains a broken character (a lone UTF-16 surrogate); retype or paste the text again',
      ]);
    }
  });

  it('keeps astral characters and combining marks, normalised to NFC and trimmed', () => {
    expect(title.parse('  Parque 😀 ')).toBe('Parque 😀');
    expect(title.parse('Cafe\u0301')).toBe('Café');
    expect(title.parse('Cafe\u0301')).toHaveLength(4);
  });

  it('refuses control characters and line separators in one-line text, naming the character', () => {
    for (const [value, named] of [
      ['a\u0000b', 'U+0000 at character 2'],
      ['ab\u0007', 'U+0007 at character 3'],
      ['a\nb', 'U+000A at character 2'],
      ['a\tb', 'U+0009 at character 2'],
      ['😀\u007f', 'U+007F at character 2'],
      ['a\u0085', 'U+0085 at character 2'],
      ['a\u2028b', 'U+2028 at character 2'],
      ['a\u2029b', 'U+2029 at character 2'],
    ] as const) {
      expect(messages(title.safeParse(value))).toEqual([
        `contains the invisible control character ${named}; remove it (no line breaks or tabs here)`,
      ]);
    }
  });

  it('keeps newlines and tabs in long text, turns a Windows line end into a newline, and refuses other controls', () => {
    expect(description.parse('Uno\n\tdos\r\ntres')).toBe('Uno\n\tdos\ntres');
    expect(messages(description.safeParse('Uno\rdos'))).toEqual([
      'contains the invisible control character U+000D at character 4; remove it (line breaks and tabs are fine)',
    ]);
    for (const value of ['a\u0000', 'a\u001b[31m', 'a\u009b', 'a\u2028b'])
      expect(description.safeParse(value).success).toBe(false);
  });

  it('checks lengths on the normalised, trimmed text', () => {
    expect(shortText(3, 4).safeParse('  ab  ').success).toBe(false);
    // Five code units, four once composed.
    expect(shortText(1, 4).parse('Cafe\u0301')).toBe('Café');
  });

  it('judges well-formedness exactly as String.prototype.isWellFormed', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(isWellFormedText(value)).toBe((value as unknown as { isWellFormed(): boolean }).isWellFormed());
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts only text that canonicalises, is NFC, and holds no control character but newline and tab', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        for (const [schema, forbidden] of [
          [title, /[\p{Cc}\u2028\u2029]/u],
          [description, /[^\P{Cc}\n\t]|[\u2028\u2029]/u],
        ] as const) {
          const result = schema.safeParse(`x${value}x`);
          if (!result.success) continue;
          expect(() => canonicalJson({ text: result.data })).not.toThrow();
          expect(result.data).toBe(result.data.normalize('NFC'));
          expect(forbidden.test(result.data)).toBe(false);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
