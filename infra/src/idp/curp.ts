// Synthetic CURPs (Clave Única de Registro de Población) for test accounts. They follow the
// official layout so that validators accept them, but the letters come from a seed rather
// than from a person's names.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VOWELS = 'AEIOU';
const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ';
const DIGITS = '0123456789';
// RENAPO's alphabet for the check digit, Ñ included.
const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const NUEVO_LEON = 'NL';

export const CURP_PATTERN =
  /^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/;

/** The 18th character: a weighted sum of the first 17 characters, modulo 10. */
export function curpCheckDigit(first17: string): string {
  let sum = 0;
  for (const [index, char] of [...first17].entries()) {
    sum += CHECK_ALPHABET.indexOf(char) * (18 - index);
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * A well-formed CURP for someone born in `state` (RENAPO's two letters; Nuevo León unless
 * said) on `birthdate` (YYYY-MM-DD), with
 * every other character drawn from `seed` (at least 9 bytes). The homoclave character is a
 * digit for births before 2000 and a letter from 2000 on, as RENAPO assigns them.
 */
export function synthesiseCurp(seed: Uint8Array, birthdate: string, state = NUEVO_LEON): string {
  const pick = (alphabet: string, index: number) => alphabet[(seed[index] ?? 0) % alphabet.length];
  const [year = '', month = '', day = ''] = birthdate.split('-');
  const first17 = [
    pick(LETTERS, 0),
    pick(VOWELS, 1),
    pick(LETTERS, 2),
    pick(LETTERS, 3),
    year.slice(2),
    month,
    day,
    pick('HM', 4),
    state,
    pick(CONSONANTS, 5),
    pick(CONSONANTS, 6),
    pick(CONSONANTS, 7),
    pick(Number(year) < 2000 ? DIGITS : LETTERS, 8),
  ].join('');
  return first17 + curpCheckDigit(first17);
}
