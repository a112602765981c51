import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OutboxPage } from '../types';

export const OUTBOX_PAGE_SIZE = 50;

/**
 * GET /api/v1/admin/outbox (admins): the emails the server would have sent, newest first. Only
 * while no SMTP server is configured; 404 otherwise.
 */
export function getOutbox(cursor: string | null, signal?: AbortSignal): Promise<OutboxPage> {
  const params = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<OutboxPage>(`/admin/outbox?${params.toString()}`, { auth: true, signal });
}

export const outboxQueryKey = ['admin', 'outbox'] as const;

export function outboxQueryOptions() {
  return infiniteQueryOptions({
    queryKey: outboxQueryKey,
    queryFn: ({ pageParam, signal }) => getOutbox(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    // Mail arrives while the developer clicks through the app in another tab.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

export function useOutbox() {
  return useInfiniteQuery(outboxQueryOptions());
}
