import { z } from 'zod';

/**
 * What the audit routes publish and the `decidimos-audit` files hold, validated on both
 * sides: GET /api/processes/:id/audit/tree-heads (tree-heads.json) and GET /api/receipts/:receipt.
 */
const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '32 bytes of lower-case hex');

export const treeHeadSchema = z
  .object({
    editionId: z.string(),
    treeSize: z.number().int().nonnegative(),
    rootHash: hex32,
    timestamp: z.string(),
    reason: z.string(),
    keyId: z.string(),
    signature: z.string(),
  })
  .strict();

export const treeHeadsDocument = z.object({
  editionId: z.string(),
  /** Hex of the Ed25519 public key that verifies the heads, and its key id. */
  publicKey: hex32,
  keyId: z.string(),
  /** Oldest first. */
  treeHeads: z.array(treeHeadSchema),
  /** For each head after the first: proof that the previous head's tree is a prefix of its tree. */
  consistency: z.array(
    z.object({
      fromSize: z.number().int().nonnegative(),
      toSize: z.number().int().nonnegative(),
      proof: z.array(hex32),
    }),
  ),
});
export type TreeHeadsDocument = z.infer<typeof treeHeadsDocument>;

export const receiptProof = z.object({
  receipt: z.string(),
  ballotId: z.string(),
  editionId: z.string(),
  /** The leaf hash of the ballot as recorded; a receipt naming another hash does not match it. */
  leafHash: hex32,
  matches: z.boolean(),
  leafIndex: z.number().int().nonnegative(),
  /** Whether this is the voter's ballot that counts (false once they voted again). */
  current: z.boolean(),
  /** A later ballot of the same voter, recorded while voting was open, took this one's place: it is never opened. */
  replaced: z.boolean(),
  /** Once voting has closed, what this ballot counted for (its opening); null while voting is open and for a ballot that does not count. */
  counted: z.object({ selections: z.array(z.string()) }).nullable(),
  /** `pending` until a signed tree head covers the ballot: the next interval head or phase change. */
  status: z.enum(['included', 'pending']),
  treeHead: treeHeadSchema.nullable(),
  /** A head is signed at least this often while events arrive: a pending receipt is provable by then. */
  treeHeadIntervalSeconds: z.number().int().positive(),
  publicKey: hex32,
  /** RFC 9162 audit path against `treeHead`, deepest sibling first; hex. */
  proof: z.array(hex32).nullable(),
});
export type ReceiptProof = z.infer<typeof receiptProof>;
