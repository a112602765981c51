import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { FeedPage, FeedSort } from '../types';

/** How many designs a page of the feed brings. */
export const FEED_PAGE_SIZE = 24;

/**
 * GET /api/v1/feed (public): published designs, hot, top or new first. 400
 * `invalid_query_parameter` for an unknown sort, 422 for a cursor the server did not give.
 */
export function getFeed(
  { sort, cursor }: { sort: FeedSort; cursor: string | null },
  signal?: AbortSignal,
): Promise<FeedPage> {
  const params = new URLSearchParams({ sort, limit: String(FEED_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<FeedPage>(`/feed?${params.toString()}`, { signal });
}

export const feedQueryKey = (sort: FeedSort) => ['feed', sort] as const;

export function feedQueryOptions(sort: FeedSort) {
  return infiniteQueryOptions({
    queryKey: feedQueryKey(sort),
    queryFn: ({ pageParam, signal }) => getFeed({ sort, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

export function useFeed(sort: FeedSort) {
  return useInfiniteQuery(feedQueryOptions(sort));
}
