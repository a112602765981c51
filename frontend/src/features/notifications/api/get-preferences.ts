import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { NotificationPreferences } from '../types';

/** GET /api/v1/me/notification-preferences (signed in): which kinds are also emailed. */
export function getPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return apiClient.get<NotificationPreferences>('/me/notification-preferences', {
    auth: true,
    signal,
  });
}

export const preferencesQueryKey = ['notification-preferences'] as const;

export function preferencesQueryOptions() {
  return queryOptions({
    queryKey: preferencesQueryKey,
    queryFn: ({ signal }) => getPreferences(signal),
  });
}

export function usePreferences() {
  return useQuery(preferencesQueryOptions());
}
