import { createHash } from 'node:crypto';
import { synthesiseCurp } from './curp';

/** What iD Digital Mty+ says about a person, as the backend reads it from the ID token. */
export interface AccountClaims {
  sub: string;
  name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  curp: string;
  district: string | null;
  resident: boolean;
  /** Where iD Digital says the person can be reached; the backend mails only with their opt-in (issue 11). */
  email: string;
}

/** Districts that get a ready-made resident account on the picker page. */
export const PICKER_DISTRICTS = ['centro', 'norte', 'norponiente', 'poniente', 'sur', 'huajuco'] as const;

export const STAFF_ACCOUNTS = ['admin', 'reviewer', 'poll-officer', 'auditor', 'implementer', 'moderator'] as const;
export const MINOR_ACCOUNT = 'minor-1';
export const NONRESIDENT_ACCOUNT = 'nonresident-1';

/** The accounts the picker page offers as buttons; any `resident-<district>-<n>` also exists. */
export const WELL_KNOWN_ACCOUNTS: readonly string[] = [
  ...STAFF_ACCOUNTS,
  ...PICKER_DISTRICTS.map((district) => `resident-${district}-1`),
  MINOR_ACCOUNT,
  NONRESIDENT_ACCOUNT,
];

const RESIDENT_NAME = /^resident-([a-z0-9]+)-([1-9][0-9]*)$/;
const STAFF_DISTRICT = 'centro';
const DAY_MS = 86_400_000;
// Adult birthdates fall in a fixed window rather than one relative to today, so that an
// account's CURP (and the voter pseudonym the backend derives from it) never changes.
const ADULT_BORN_FROM = Date.UTC(1950, 0, 1);
const ADULT_BORN_UNTIL = Date.UTC(2005, 11, 31);
const MINOR_AGE_YEARS = 15;
// Half a year past the 15th birthday: 15 whatever the time zone or leap day.
const MINOR_DAYS_PAST_BIRTHDAY = 180;

interface Residency {
  district: string | null;
  resident: boolean;
}

/**
 * The claims of a test account, or undefined when no such account exists. Everything is
 * derived from the name, except the minor's birthdate, which follows `today` so that the
 * account stays 15 years old.
 */
export function accountClaims(name: string, today: Date = new Date()): AccountClaims | undefined {
  const residency = residencyOf(name);
  if (!residency) return undefined;
  const seed = createHash('sha256').update(name).digest();
  const birthdate = name === MINOR_ACCOUNT ? minorBirthdate(today) : adultBirthdate(seed);
  // The non-resident was born in Coahuila, so a booth asks for a proof of residence (issue 10).
  const state = name === NONRESIDENT_ACCOUNT ? 'CL' : undefined;
  return {
    sub: name,
    name,
    birthdate,
    curp: synthesiseCurp(seed.subarray(4), birthdate, state),
    email: `${name}@correo.example`,
    ...residency,
  };
}

function residencyOf(name: string): Residency | undefined {
  if (name === NONRESIDENT_ACCOUNT) return { district: null, resident: false };
  if (name === MINOR_ACCOUNT || (STAFF_ACCOUNTS as readonly string[]).includes(name)) {
    return { district: STAFF_DISTRICT, resident: true };
  }
  const district = RESIDENT_NAME.exec(name)?.[1];
  return district === undefined ? undefined : { district, resident: true };
}

function adultBirthdate(seed: Buffer): string {
  const days = (ADULT_BORN_UNTIL - ADULT_BORN_FROM) / DAY_MS + 1;
  return isoDate(ADULT_BORN_FROM + (seed.readUInt32BE(0) % days) * DAY_MS);
}

function minorBirthdate(today: Date): string {
  return isoDate(
    Date.UTC(
      today.getUTCFullYear() - MINOR_AGE_YEARS,
      today.getUTCMonth(),
      today.getUTCDate() - MINOR_DAYS_PAST_BIRTHDAY,
    ),
  );
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
