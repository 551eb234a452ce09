import { useMutation, useQueryClient } from '@tanstack/react-query';
import { proposalView, type ProposalView, type SubmitProposalRequest } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ProposalChanges = Partial<SubmitProposalRequest>;

export async function editProposal({
  proposalId,
  changes,
}: {
  proposalId: string;
  changes: ProposalChanges;
}): Promise<ProposalView> {
  return proposalView.parse(await api.patch(`/api/proposals/${encodeURIComponent(proposalId)}`, changes));
}

export function useEditProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editProposal,
    onSuccess: (proposal) => {
      queryClient.setQueryData(queryKeys.proposal(proposal.id), proposal);
      return queryClient.invalidateQueries({ queryKey: queryKeys.proposals });
    },
  });
}
