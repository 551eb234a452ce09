import { queryOptions, useQuery } from '@tanstack/react-query';
import { reviewQueue, type ReviewQueue } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function getReviewQueue(editionId: string, district: string): Promise<ReviewQueue> {
  const path = `/api/processes/${encodeURIComponent(editionId)}/review-queue`;
  return reviewQueue.parse(await api.get(path, { query: { district } }));
}

export const reviewQueueQueryOptions = (editionId: string, district: string) =>
  queryOptions({
    queryKey: queryKeys.reviewQueue(editionId, district),
    queryFn: () => getReviewQueue(editionId, district),
  });

export function useReviewQueue(editionId: string, district: string) {
  return useQuery(reviewQueueQueryOptions(editionId, district));
}
