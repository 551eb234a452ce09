import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmitProposalRequest } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface SubmitProposalInput {
  editionId: string;
  proposal: SubmitProposalRequest;
  idempotencyKey: string;
}

export function submitProposal({ editionId, proposal, idempotencyKey }: SubmitProposalInput): Promise<{ id: string }> {
  return api.post<{ id: string }>(`/api/processes/${encodeURIComponent(editionId)}/proposals`, proposal, {
    idempotencyKey,
  });
}

export function useSubmitProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
  });
}
