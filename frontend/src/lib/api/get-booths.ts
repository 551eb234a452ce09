import { useQuery } from '@tanstack/react-query';
import { boothList } from '@decidimos/contracts/api/schemas';
import { api } from '../api-client';

export const boothsQueryKey = (editionId: string) => ['booths', editionId] as const;

/** GET /api/processes/:id/booths: an edition's voting booths (with counts once results are out). */
export function useBooths(editionId: string, enabled = true) {
  return useQuery({
    queryKey: boothsQueryKey(editionId),
    queryFn: async () => boothList.parse(await api.get(`/api/processes/${encodeURIComponent(editionId)}/booths`)).items,
    enabled: enabled && editionId !== '',
  });
}
