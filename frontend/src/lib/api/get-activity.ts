import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityAnswer } from '@decidimos/contracts/api/notifications';
import { api } from '../api-client';
import { queryKeys } from '../query-keys';

/** My part in one edition (GET /api/me/activity): what the supports button and "My activity" show. */
export function getActivity(editionId: string): Promise<ActivityAnswer> {
  return api.get<ActivityAnswer>('/api/me/activity', { query: { edition: editionId } });
}

export const activityQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.activity(editionId), queryFn: () => getActivity(editionId) });

export function useActivity(editionId: string, enabled = true) {
  return useQuery({ ...activityQueryOptions(editionId), enabled });
}
