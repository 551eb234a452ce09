import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProposalView } from '@decidimos/contracts/api/schemas';
import { api } from '../api-client';
import { queryKeys } from '../query-keys';

export async function getProposal(proposalId: string): Promise<ProposalView> {
  return api.get<ProposalView>(`/api/proposals/${encodeURIComponent(proposalId)}`);
}

export const proposalQueryOptions = (proposalId: string) =>
  queryOptions({ queryKey: queryKeys.proposal(proposalId), queryFn: () => getProposal(proposalId) });

export function useProposal(proposalId: string) {
  return useQuery(proposalQueryOptions(proposalId));
}
