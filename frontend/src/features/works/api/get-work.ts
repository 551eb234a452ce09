import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkDetail } from '@decidimos/contracts/api/works';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getWork(workId: string): Promise<WorkDetail> {
  return api.get<WorkDetail>(`/api/works/${encodeURIComponent(workId)}`);
}

export const workQueryOptions = (workId: string) =>
  queryOptions({ queryKey: queryKeys.work(workId), queryFn: () => getWork(workId) });

export function useWork(workId: string) {
  return useQuery(workQueryOptions(workId));
}
