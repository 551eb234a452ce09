import { createHmac } from 'node:crypto';

/**
 * A resident's pseudonym in one edition: HMAC-SHA256(VOTER_KEY, edition + ":" + CURP).
 * The same person gets the same pseudonym whichever channel they use (online or at an
 * in-person module), and unlinkable ones across editions.
 */
export function voterPseudonym(voterKey: Buffer, editionId: string, curp: string): string {
  return createHmac('sha256', voterKey).update(`${editionId}:${curp.toUpperCase()}`).digest('hex');
}

/** A staff member's pseudonym (role grants, assessments, assisted ballots): no iD subject in the log. */
export function staffPseudonym(voterKey: Buffer, subject: string): string {
  return createHmac('sha256', voterKey).update(`staff:${subject}`).digest('hex');
}
