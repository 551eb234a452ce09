import { z } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import { toHex } from '../audit/encoding';
// The audit code's hashing seam: native in the decidimos-audit bin, portable in the browser.
import { sha256 } from '../audit/sha256';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '32 bytes of lower-case hex');

/**
 * The hiding commitment a ballot's public form carries while voting is open: hex
 * SHA-256(utf8(canonical JSON of { salt, selections })). The salt is 32 random bytes per
 * ballot, so equal selections give unrelated commitments and no one can try the few
 * possible ballots against it; the opening (salt and selections) is published only after
 * voting closes.
 */
export function ballotCommitment(salt: string, selections: readonly string[]): string {
  return toHex(sha256(canonicalJson({ salt, selections })));
}

/** One line of GET /api/processes/:id/audit/openings (openings.jsonl): what a counted ballot's commitment hides. */
export const openingSchema = z
  .object({
    ballotId: z.string().min(1).max(200),
    selections: z.array(z.string().min(1).max(200)),
    salt: hex32,
  })
  .strict();
export type Opening = z.infer<typeof openingSchema>;
