import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEditionRequest } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createEdition({
  edition,
  idempotencyKey,
}: {
  edition: CreateEditionRequest;
  idempotencyKey: string;
}): Promise<{ id: string }> {
  return api.post<{ id: string }>('/api/processes', edition, { idempotencyKey });
}

export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEdition,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.editions }),
  });
}
