import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EditionView } from '@decidimos/contracts/api/schemas';
import { api } from '../api-client';
import { queryKeys } from '../query-keys';

export async function getEdition(editionId: string): Promise<EditionView> {
  return api.get<EditionView>(`/api/processes/${encodeURIComponent(editionId)}`);
}

export const editionQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.edition(editionId), queryFn: () => getEdition(editionId) });

/** Waits while `editionId` is still unknown (empty), e.g. until the proposal that names it has loaded. */
export function useEdition(editionId: string) {
  return useQuery({ ...editionQueryOptions(editionId), enabled: editionId !== '' });
}

export function districtName(edition: EditionView, districtId: string): string {
  return edition.districts.find((d) => d.id === districtId)?.name ?? districtId;
}
