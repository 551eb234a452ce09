/**
 * Mexico's CURP (Clave Única de Registro de Población), checked as far as the string
 * itself allows: layout, the birth state from RENAPO's list, the check digit, and whether
 * the birthdate and sex a poll officer typed from the person's ID agree with it. An
 * officer's typing mistake then becomes a 400 naming the field, not someone else's ballot.
 */

/** 4 letters, birth date YYMMDD, sex, state, 3 consonants, a homoclave character and a check digit. */
export const CURP_PATTERN =
  /^[A-Z][AEIOUX][A-Z]{2}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/;

/** RENAPO's two-letter codes of the state of birth (NE: born abroad). */
export const CURP_STATES = [
  'AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS',
  'NT', 'NL', 'OC', 'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS', 'NE',
] as const; // prettier-ignore

export const NUEVO_LEON = 'NL';

/** H (hombre), M (mujer), X (no binario), as the CURP's 11th character writes them. */
export const CURP_SEXES = ['H', 'M', 'X'] as const;
export type CurpSex = (typeof CURP_SEXES)[number];

// RENAPO's alphabet for the check digit, Ñ included.
const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** The 18th character: a weighted sum of the first 17 characters, modulo 10. */
export function curpCheckDigit(first17: string): string {
  let sum = 0;
  for (const [index, char] of [...first17].entries()) sum += CHECK_ALPHABET.indexOf(char) * (18 - index);
  return String((10 - (sum % 10)) % 10);
}

/** The state of birth a CURP names. */
export const curpState = (curp: string) => curp.slice(11, 13);

export type CurpProblem =
  | { field: 'curp'; reason: 'format' | 'state' | 'checkDigit' }
  | { field: 'birthdate'; reason: 'birthdate' }
  | { field: 'sex'; reason: 'sex' };

/**
 * What is wrong with a CURP and the birthdate (YYYY-MM-DD) and sex typed beside it, or
 * an empty list. The 17th character is a digit for people born before 2000 and a letter
 * from 2000 on, so the century of the birthdate is checked too.
 */
export function curpProblems(curp: string, birthdate: string, sex?: CurpSex): CurpProblem[] {
  if (!CURP_PATTERN.test(curp)) return [{ field: 'curp', reason: 'format' }];
  const problems: CurpProblem[] = [];
  if (!(CURP_STATES as readonly string[]).includes(curpState(curp))) problems.push({ field: 'curp', reason: 'state' });
  if (curpCheckDigit(curp.slice(0, 17)) !== curp[17]) problems.push({ field: 'curp', reason: 'checkDigit' });
  const bornFrom2000 = /[A-Z]/.test(curp[16]!);
  const yymmdd = birthdate.slice(2, 4) + birthdate.slice(5, 7) + birthdate.slice(8, 10);
  if (curp.slice(4, 10) !== yymmdd || Number(birthdate.slice(0, 4)) >= 2000 !== bornFrom2000) {
    problems.push({ field: 'birthdate', reason: 'birthdate' });
  }
  if (sex !== undefined && curp[10] !== sex) problems.push({ field: 'sex', reason: 'sex' });
  return problems;
}

/** The messages of `curpProblems`, as the API's VALIDATION_FAILED lists them. */
export const CURP_MESSAGES: Record<CurpProblem['reason'], string> = {
  format: 'not a well-formed CURP (18 characters, e.g. GOMA900101MNLRRR00)',
  state: 'the state code (characters 12–13) is not one of RENAPO’s',
  checkDigit: 'the check digit (last character) does not match: check each character',
  birthdate: 'the date of birth does not match the one in the CURP',
  sex: 'the sex does not match the one in the CURP (character 11)',
};
