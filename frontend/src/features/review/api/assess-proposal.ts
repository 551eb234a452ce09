import { useMutation, useQueryClient } from '@tanstack/react-query';
import { proposalView, type ProposalView } from '@decidimos/contracts/api/schemas';
import type { assessmentRequest } from '@decidimos/contracts/api/schemas';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Assessment = z.input<typeof assessmentRequest>;

export async function assessProposal({
  proposalId,
  assessment,
}: {
  proposalId: string;
  assessment: Assessment;
}): Promise<ProposalView> {
  return proposalView.parse(await api.post(`/api/proposals/${encodeURIComponent(proposalId)}/assessment`, assessment));
}

export function useAssessProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assessProposal,
    onSuccess: async (proposal) => {
      queryClient.setQueryData(queryKeys.proposal(proposal.id), proposal);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['review-queue', proposal.editionId] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
      ]);
    },
  });
}
