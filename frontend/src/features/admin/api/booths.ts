import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  boothList,
  createdResponse,
  type AssignShiftRequest,
  type DefineBoothRequest,
} from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';

const boothsKey = (editionId: string) => ['booths', editionId] as const;

/** GET /api/processes/:id/booths: an edition's voting booths. */
export function useBooths(editionId: string) {
  return useQuery({
    queryKey: boothsKey(editionId),
    queryFn: async () => boothList.parse(await api.get(`/api/processes/${encodeURIComponent(editionId)}/booths`)).items,
    enabled: editionId !== '',
  });
}

/** POST /api/processes/:id/booths. */
export function useDefineBooth(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (booth: DefineBoothRequest) =>
      createdResponse.parse(await api.post(`/api/processes/${encodeURIComponent(editionId)}/booths`, booth)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boothsKey(editionId) }),
  });
}

/** POST /api/booths/:id/shifts. */
export function useAssignShift() {
  return useMutation({
    mutationFn: ({ boothId, ...shift }: AssignShiftRequest & { boothId: string }) =>
      api.post(`/api/booths/${encodeURIComponent(boothId)}/shifts`, shift),
  });
}
