import { useMutation, useQueryClient } from '@tanstack/react-query';
import { proposalView, type ProposalView } from '@decidimos/contracts/api/schemas';
import type { ProposalTextField } from '@decidimos/contracts/proposals/texts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ModerationAction =
  { action: 'hide' | 'restore' | 'dismiss-reports' } | { action: 'redact'; fields: ProposalTextField[] };

export async function moderateProposal({
  proposalId,
  reason,
  ...action
}: ModerationAction & { proposalId: string; reason: string }): Promise<ProposalView> {
  const body = action.action === 'redact' ? { fields: action.fields, reason } : { reason };
  const path = `/api/proposals/${encodeURIComponent(proposalId)}/${action.action}`;
  return proposalView.parse(await api.post(path, body));
}

export function useModerateProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateProposal,
    onSuccess: async (proposal) => {
      queryClient.setQueryData(queryKeys.proposal(proposal.id), proposal);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.moderationQueue(proposal.editionId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
      ]);
    },
  });
}
