import type { SupportAnswer } from '@decidimos/contracts/api/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function takeBackSupport(proposalId: string): Promise<SupportAnswer> {
  return api.delete<SupportAnswer>(`/api/proposals/${encodeURIComponent(proposalId)}/support`);
}

export function useTakeBackSupport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: takeBackSupport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
  });
}
