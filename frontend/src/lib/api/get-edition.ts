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

/** Where a proposal can be: the edition's districts, then its citywide pool if it has one. */
export function editionPools(edition: EditionView): EditionView['districts'] {
  return edition.citywidePool ? [...edition.districts, edition.citywidePool] : edition.districts;
}

/** The name of a district, or of the citywide pool. */
export function districtName(edition: EditionView, districtId: string): string {
  return editionPools(edition).find((d) => d.id === districtId)?.name ?? districtId;
}
