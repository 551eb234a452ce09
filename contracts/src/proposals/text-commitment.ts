import { canonicalJson } from '../audit/canonical-json';
import { toHex } from '../audit/encoding';
// The audit code's hashing seam: native in the decidimos-audit bin, portable in the browser.
import { sha256 } from '../audit/sha256';
import type { ProposalTextField } from './texts';

/**
 * hex SHA-256 of the canonical JSON of { field, proposalId, salt, text }: the salt (32 random
 * bytes per text) hides a short text such as a phone number from guessing, and the proposal
 * and field bind it to its place, so one opening cannot stand for another.
 */
export function textCommitment(opening: {
  proposalId: string;
  field: ProposalTextField;
  salt: string;
  text: string;
}): string {
  const { proposalId, field, salt, text } = opening;
  return toHex(sha256(canonicalJson({ field, proposalId, salt, text })));
}
