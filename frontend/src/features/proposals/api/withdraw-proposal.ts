import { useMutation, useQueryClient } from '@tanstack/react-query';
import { proposalView, type ProposalView } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function withdrawProposal(proposalId: string): Promise<ProposalView> {
  return proposalView.parse(await api.post(`/api/proposals/${encodeURIComponent(proposalId)}/withdraw`));
}

export function useWithdrawProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawProposal,
    onSuccess: (proposal) => {
      queryClient.setQueryData(queryKeys.proposal(proposal.id), proposal);
      return queryClient.invalidateQueries({ queryKey: queryKeys.proposals });
    },
  });
}
