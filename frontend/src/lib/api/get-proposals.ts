import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { proposalList, ProposalStatus } from '@decidimos/contracts/api/schemas';
import type { z } from 'zod';
import { api } from '../api-client';
import { queryKeys } from '../query-keys';

export interface ProposalFilters {
  district?: string | undefined;
  status?: ProposalStatus | undefined;
  category?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export type ProposalPage = z.infer<typeof proposalList>;

export async function getProposals(
  editionId: string,
  filters: ProposalFilters,
  signal?: AbortSignal,
): Promise<ProposalPage> {
  const path = `/api/processes/${encodeURIComponent(editionId)}/proposals`;
  return api.get<ProposalPage>(path, { query: { ...filters }, ...(signal ? { signal } : {}) });
}

export const proposalsQueryOptions = (editionId: string, filters: ProposalFilters) =>
  queryOptions({
    queryKey: queryKeys.proposalList(editionId, filters),
    queryFn: ({ signal }) => getProposals(editionId, filters, signal),
    placeholderData: keepPreviousData,
  });

export function useProposals(editionId: string, filters: ProposalFilters, enabled = true) {
  return useQuery({ ...proposalsQueryOptions(editionId, filters), enabled });
}
