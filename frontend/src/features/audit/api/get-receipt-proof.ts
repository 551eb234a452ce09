import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { treeHeadSchema } from './tree-head';

/** The inclusion proof of GET /api/receipts/:receipt: where the ballot's leaf sits and the path to a signed root. */
const receiptProof = z.object({
  leafHash: z.string(),
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  proof: z.array(z.string()),
  treeHead: treeHeadSchema,
});
export type ReceiptProof = z.infer<typeof receiptProof>;

export async function getReceiptProof(receipt: string): Promise<ReceiptProof> {
  return receiptProof.parse(await api.get(`/api/receipts/${encodeURIComponent(receipt)}`));
}

export const receiptProofQueryOptions = (receipt: string) =>
  queryOptions({ queryKey: queryKeys.receipt(receipt), queryFn: () => getReceiptProof(receipt), retry: false });

export function useReceiptProof(receipt: string) {
  return useQuery({ ...receiptProofQueryOptions(receipt), enabled: receipt !== '' });
}
