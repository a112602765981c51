import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { FeedPage, FeedSort } from '../types';
import { feedParams, type FeedFilters } from '../utils/filters';

/** How many designs a page of the feed brings. */
export const FEED_PAGE_SIZE = 24;

/**
 * GET /api/v1/feed (public): published designs, hot, top or new first, optionally narrowed by
 * template, option, allergens left out, dietary labels, creator and part of the name. 400
 * `invalid_query_parameter` for an unknown sort, 422 for an unknown allergen or label, or a
 * cursor the server did not give.
 */
export function getFeed(
  { sort, filters, cursor }: { sort: FeedSort; filters: FeedFilters; cursor: string | null },
  signal?: AbortSignal,
): Promise<FeedPage> {
  const params = feedParams(sort, filters, FEED_PAGE_SIZE, cursor);
  return apiClient.get<FeedPage>(`/feed?${params.toString()}`, { signal });
}

export const feedQueryKey = (sort: FeedSort, filters: FeedFilters) =>
  ['feed', sort, filters] as const;

export function feedQueryOptions(sort: FeedSort, filters: FeedFilters) {
  return infiniteQueryOptions({
    queryKey: feedQueryKey(sort, filters),
    queryFn: ({ pageParam, signal }) => getFeed({ sort, filters, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

export function useFeed(sort: FeedSort, filters: FeedFilters) {
  return useInfiniteQuery(feedQueryOptions(sort, filters));
}
