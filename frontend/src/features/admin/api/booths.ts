import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdResponse, type AssignShiftRequest, type DefineBoothRequest } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { boothsQueryKey } from '../../../lib/api/get-booths';

export { useBooths } from '../../../lib/api/get-booths';

/** POST /api/processes/:id/booths. */
export function useDefineBooth(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (booth: DefineBoothRequest) =>
      createdResponse.parse(await api.post(`/api/processes/${encodeURIComponent(editionId)}/booths`, booth)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boothsQueryKey(editionId) }),
  });
}

/** POST /api/booths/:id/shifts. */
export function useAssignShift() {
  return useMutation({
    mutationFn: ({ boothId, ...shift }: AssignShiftRequest & { boothId: string }) =>
      api.post(`/api/booths/${encodeURIComponent(boothId)}/shifts`, shift),
  });
}
