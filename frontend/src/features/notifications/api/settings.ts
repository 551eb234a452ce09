import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings, NotificationSettingsRequest } from '@decidimos/contracts/api/notifications';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getSettings(): Promise<NotificationSettings> {
  return api.get<NotificationSettings>('/api/me/notification-settings');
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.notificationSettings, queryFn: getSettings });
}

export function saveSettings(settings: NotificationSettingsRequest): Promise<NotificationSettings> {
  return api.put<NotificationSettings>('/api/me/notification-settings', settings);
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.notificationSettings, saved),
  });
}

export function eraseNotificationData(): Promise<void> {
  return api.delete<void>('/api/me/notification-settings');
}

export function useEraseNotificationData() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: eraseNotificationData, onSuccess: () => queryClient.invalidateQueries() });
}

export function unsubscribe(token: string): Promise<{ kind: string; unsubscribed: true }> {
  return api.post('/api/notifications/unsubscribe', undefined, { query: { token } });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: unsubscribe });
}
