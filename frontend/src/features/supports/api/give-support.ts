import type { SupportAnswer } from '@decidimos/contracts/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function giveSupport(proposalId: string): Promise<SupportAnswer> {
  return api.put<SupportAnswer>(`/api/proposals/${encodeURIComponent(proposalId)}/support`);
}

export function useGiveSupport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: giveSupport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
  });
}
