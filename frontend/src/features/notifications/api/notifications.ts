import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationsAnswer } from '@decidimos/contracts/api/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getNotifications(): Promise<NotificationsAnswer> {
  return api.get<NotificationsAnswer>('/api/me/notifications');
}

export function useNotifications() {
  return useQuery({ queryKey: queryKeys.notifications, queryFn: getNotifications });
}

export function markAllRead(): Promise<{ unread: number }> {
  return api.post<{ unread: number }>('/api/me/notifications/read', { all: true });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
