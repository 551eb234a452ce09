import { useQuery } from '@tanstack/react-query';
import type { BoothView } from '@decidimos/contracts/api/schemas';
import { api } from '../api-client';

export const boothsQueryKey = (editionId: string) => ['booths', editionId] as const;

/**
 * GET /api/processes/:id/booths: an edition's voting booths (with counts once results are
 * out). Typed, not parsed: the voting page reads it, and zod must stay out of its bundle.
 */
export function useBooths(editionId: string, enabled = true) {
  return useQuery({
    queryKey: boothsQueryKey(editionId),
    queryFn: async () =>
      (await api.get<{ items: BoothView[] }>(`/api/processes/${encodeURIComponent(editionId)}/booths`)).items,
    enabled: enabled && editionId !== '',
  });
}
