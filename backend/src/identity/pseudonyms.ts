import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * What a resident's pseudonym is for. Each purpose is its own HMAC domain, so the log
 * cannot join one person's proposals, supports and ballots.
 */
export const PSEUDONYM_PURPOSES = ['ballot', 'support', 'author', 'report'] as const;
export type PseudonymPurpose = (typeof PSEUDONYM_PURPOSES)[number];

/**
 * A resident's pseudonym for one purpose in one edition:
 * HMAC-SHA256(VOTER_KEY, purpose + ":" + edition + ":" + CURP). The same person gets the
 * same ballot pseudonym whichever channel they use (online or at a booth), so one ballot
 * stream per edition; pseudonyms of other purposes or editions are unlinkable to it.
 */
export function pseudonym(voterKey: Buffer, purpose: PseudonymPurpose, editionId: string, curp: string): string {
  return createHmac('sha256', keyObject(voterKey))
    .update(`${purpose}:${editionId}:${curp.toUpperCase()}`)
    .digest('hex');
}

/** A staff member's pseudonym (role grants, assessments, shifts): no iD subject in the log. */
export function staffPseudonym(voterKey: Buffer, subject: string): string {
  return createHmac('sha256', keyObject(voterKey)).update(`staff:${subject}`).digest('hex');
}

// An HMAC keyed with a KeyObject made once costs a sixth of one keyed with the raw bytes (issue 13).
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyObject(voterKey: Buffer): KeyObject {
  let key = keyObjects.get(voterKey);
  if (!key) keyObjects.set(voterKey, (key = createSecretKey(voterKey)));
  return key;
}
