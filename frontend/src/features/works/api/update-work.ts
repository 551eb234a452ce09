import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkDetail, WorkUpdateRequest } from '@decidimos/contracts/api/works';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateWork(input: {
  workId: string;
  update: WorkUpdateRequest;
  idempotencyKey: string;
}): Promise<WorkDetail> {
  const { workId, update, idempotencyKey } = input;
  return api.post<WorkDetail>(`/api/works/${encodeURIComponent(workId)}/updates`, update, { idempotencyKey });
}

/** An implementer's update; the answer is the work as it now stands, and the edition's list changes with it. */
export function useUpdateWork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWork,
    onSuccess: async (work) => {
      queryClient.setQueryData(queryKeys.work(work.id), work);
      await queryClient.invalidateQueries({ queryKey: queryKeys.works(work.editionId) });
    },
  });
}
