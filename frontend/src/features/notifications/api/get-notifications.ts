import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { NotificationPage } from '../types';

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** GET /api/v1/me/notifications (signed in): newest first. */
export function getNotifications(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: String(NOTIFICATIONS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<NotificationPage>(`/me/notifications?${params.toString()}`, {
    auth: true,
    signal,
  });
}

export const notificationsQueryKey = ['notifications', 'list'] as const;

export function notificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam, signal }) => getNotifications(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    // The page marks everything read as it opens: a cached list would hide what is new.
    staleTime: 0,
  });
}

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions());
}
