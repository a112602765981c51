import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { useSession } from '@/lib/auth';

/** How often the bell asks, while the page is open. */
export const UNREAD_POLL_MS = 60_000;

/** GET /api/v1/me/notifications/unread-count (signed in). */
export function getUnreadCount(signal?: AbortSignal): Promise<{ count: number }> {
  return apiClient.get<{ count: number }>('/me/notifications/unread-count', {
    auth: true,
    signal,
  });
}

export const unreadCountQueryKey = ['notifications', 'unread-count'] as const;

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: unreadCountQueryKey,
    queryFn: ({ signal }) => getUnreadCount(signal),
    select: (data) => data.count,
    // Polled every minute while the tab is in front, and asked again when the visitor returns.
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** The unread count for the signed-in account; nothing is asked for a visitor. */
export function useUnreadCount() {
  const session = useSession();
  return useQuery({ ...unreadCountQueryOptions(), enabled: session.status === 'signedIn' });
}
