import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkList } from '@decidimos/contracts/api/works';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const worksPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/works`;

export function getWorks(editionId: string): Promise<WorkList> {
  return api.get<WorkList>(worksPath(editionId));
}

export const worksQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.works(editionId), queryFn: () => getWorks(editionId) });

/** Asks only once the results are published: before that an edition has no works to show. */
export function useWorks(editionId: string, enabled: boolean) {
  return useQuery({ ...worksQueryOptions(editionId), enabled });
}
