import { z } from 'zod';

/** A signed tree head as contracts/src/audit/tree-head.ts defines it. */
export const treeHeadSchema = z.object({
  editionId: z.string(),
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string(),
  timestamp: z.string(),
  reason: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
