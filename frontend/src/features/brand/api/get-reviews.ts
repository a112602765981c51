import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Page, ReviewItem, ReviewQueueState } from '../types';

export const REVIEWS_PAGE_SIZE = 20;

/**
 * GET /api/v1/brand/reviews?state=open|decided (brand): open reviews oldest first, decided ones
 * newest decision first.
 */
export function getReviews(
  state: ReviewQueueState,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<ReviewItem>> {
  const params = new URLSearchParams({ state, limit: String(REVIEWS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<Page<ReviewItem>>(`/brand/reviews?${params.toString()}`, {
    auth: true,
    signal,
  });
}

/** Both lists; each state's pages under it. */
export const reviewsQueryKey = ['brand', 'reviews'] as const;

export const reviewListQueryKey = (state: ReviewQueueState) => [...reviewsQueryKey, state] as const;

export function reviewsQueryOptions(state: ReviewQueueState) {
  return infiniteQueryOptions({
    queryKey: reviewListQueryKey(state),
    queryFn: ({ pageParam, signal }) => getReviews(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    // Curators work the queue together: what another took or decided matters at once.
    staleTime: 0,
    refetchOnWindowFocus: 'always',
  });
}

export function useReviews(state: ReviewQueueState) {
  return useInfiniteQuery(reviewsQueryOptions(state));
}
