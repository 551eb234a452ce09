import { queryOptions, useQuery } from '@tanstack/react-query';
import { moderationQueue, type ModerationQueue } from '@decidimos/contracts/api/moderation';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function getModerationQueue(editionId: string): Promise<ModerationQueue> {
  return moderationQueue.parse(await api.get(`/api/processes/${encodeURIComponent(editionId)}/moderation-queue`));
}

export const moderationQueueQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.moderationQueue(editionId), queryFn: () => getModerationQueue(editionId) });

export function useModerationQueue(editionId: string) {
  return useQuery(moderationQueueQueryOptions(editionId));
}
