import { queryOptions, useQuery } from '@tanstack/react-query';
import { receiptProof, type ReceiptProof } from '@decidimos/contracts/audit/audit-documents';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/receipts/:receipt: where the ballot sits in the edition's log and, once signed, its inclusion proof. */
export async function getReceiptProof(receipt: string): Promise<ReceiptProof> {
  return receiptProof.parse(await api.get(`/api/receipts/${encodeURIComponent(receipt)}`));
}

export const receiptProofQueryOptions = (receipt: string) =>
  queryOptions({ queryKey: queryKeys.receipt(receipt), queryFn: () => getReceiptProof(receipt), retry: false });

export function useReceiptProof(receipt: string) {
  return useQuery({ ...receiptProofQueryOptions(receipt), enabled: receipt !== '' });
}
