import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowAnswer, FollowsAnswer } from '@decidimos/contracts/api/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type FollowTarget = 'proposals' | 'works';

export function getFollows(): Promise<FollowsAnswer> {
  return api.get<FollowsAnswer>('/api/me/follows');
}

export function useFollows(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.follows, queryFn: getFollows, enabled });
}

export function setFollow(target: FollowTarget, id: string, following: boolean): Promise<FollowAnswer> {
  const path = `/api/${target}/${encodeURIComponent(id)}/follow`;
  return following ? api.put<FollowAnswer>(path) : api.delete<FollowAnswer>(path);
}

export function useSetFollow(target: FollowTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, following }: { id: string; following: boolean }) => setFollow(target, id, following),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.follows }),
  });
}
