import { z } from 'zod';

/**
 * Text people type, as every write route takes it. Whatever is accepted ends in the public
 * log, which is hashed as RFC 8785 canonical JSON: a lone UTF-16 surrogate cannot be
 * written that way, so one would stop the audit log. NFC makes the same words the same
 * bytes in hashes, searches and filters. Control characters (and the line and paragraph
 * separators, which break lines in logs and scripts) hide or garble text; long text keeps
 * newline and tab, and a Windows line end becomes a newline.
 */

// With the u flag a regular expression reads code points, so only a surrogate without its
// pair matches: the same test as String.prototype.isWellFormed (ES2024), which older
// browsers on booth tablets lack, and the SPA validates with these schemas too.
const LONE_SURROGATE = /\p{Surrogate}/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_BUT_NEWLINE_TAB = /[^\P{Cc}\n\t]|[\u2028\u2029]/u;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function text(min: number, max: number, control: RegExp, allowed: string) {
  return z
    .string()
    .refine(isWellFormedText, {
      message: 'contains a broken character (a lone UTF-16 surrogate); retype or paste the text again',
      abort: true,
    })
    .overwrite((value) => value.replace(/\r\n/g, '\n'))
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      const found = control.exec(value);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `contains the invisible control character ${codePoint(found[0])} at character ${[...value.slice(0, found.index)].length + 1}; remove it (${allowed})`,
        });
      }
    });
}

/** One line of text: a title, a name, a category. */
export const shortText = (min: number, max: number) => text(min, max, CONTROL, 'no line breaks or tabs here');

/** Paragraphs: a description, a reason. Newlines and tabs are kept. */
export const longText = (min: number, max: number) =>
  text(min, max, CONTROL_BUT_NEWLINE_TAB, 'line breaks and tabs are fine');
