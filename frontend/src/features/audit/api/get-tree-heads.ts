import { queryOptions, useQuery } from '@tanstack/react-query';
import { treeHeadsDocument, type TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const treeHeadsPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/tree-heads`;

/** The signed tree heads so far, oldest first, with the key that verifies them and the consistency proofs between them. */
export async function getTreeHeads(editionId: string): Promise<TreeHeadsDocument> {
  return treeHeadsDocument.parse(await api.get(treeHeadsPath(editionId)));
}

export const treeHeadsQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.treeHeads(editionId), queryFn: () => getTreeHeads(editionId) });

export function useTreeHeads(editionId: string) {
  return useQuery(treeHeadsQueryOptions(editionId));
}
