import { createHmac } from 'node:crypto';

/**
 * What a resident's pseudonym is for. Each purpose is its own HMAC domain, so the log
 * cannot join one person's proposals, supports and ballots.
 */
export const PSEUDONYM_PURPOSES = ['ballot', 'support', 'author'] as const;
export type PseudonymPurpose = (typeof PSEUDONYM_PURPOSES)[number];

/**
 * A resident's pseudonym for one purpose in one edition:
 * HMAC-SHA256(VOTER_KEY, purpose + ":" + edition + ":" + CURP). The same person gets the
 * same ballot pseudonym whichever channel they use (online or at a booth), so one ballot
 * stream per edition; pseudonyms of other purposes or editions are unlinkable to it.
 */
export function pseudonym(voterKey: Buffer, purpose: PseudonymPurpose, editionId: string, curp: string): string {
  return createHmac('sha256', voterKey).update(`${purpose}:${editionId}:${curp.toUpperCase()}`).digest('hex');
}

/** A staff member's pseudonym (role grants, assessments, shifts): no iD subject in the log. */
export function staffPseudonym(voterKey: Buffer, subject: string): string {
  return createHmac('sha256', voterKey).update(`staff:${subject}`).digest('hex');
}
