import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { treeHeadSchema } from './tree-head';

const treeHeadList = z.object({
  items: z.array(treeHeadSchema),
  /** Hex of the Ed25519 key that signs this server's tree heads, when the server publishes it here. */
  publicKey: z.string().optional(),
});
export type TreeHeadList = z.infer<typeof treeHeadList>;

export const treeHeadsPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/tree-heads`;
export const exportPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/export`;

/** Accepts a bare array of heads too: API.md names the route but not the envelope. */
export async function getTreeHeads(editionId: string): Promise<TreeHeadList> {
  const body = await api.get<unknown>(treeHeadsPath(editionId));
  return treeHeadList.parse(Array.isArray(body) ? { items: body } : body);
}

export const treeHeadsQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.treeHeads(editionId), queryFn: () => getTreeHeads(editionId) });

export function useTreeHeads(editionId: string) {
  return useQuery(treeHeadsQueryOptions(editionId));
}
