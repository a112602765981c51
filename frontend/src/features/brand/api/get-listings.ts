import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ListingState } from '@/types/listings';
import type { BrandListing, Page } from '../types';

export const LISTINGS_PAGE_SIZE = 20;

/** GET /api/v1/brand/listings?state= (brand): newest first, every state unless one is asked. */
export function getListings(
  state: ListingState | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<BrandListing>> {
  const params = new URLSearchParams({ limit: String(LISTINGS_PAGE_SIZE) });
  if (state) params.set('state', state);
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<Page<BrandListing>>(`/brand/listings?${params.toString()}`, {
    auth: true,
    signal,
  });
}

/** Every filtered list, under one key. */
export const listingsQueryKey = ['brand', 'listings'] as const;

export function listingsQueryOptions(state: ListingState | null) {
  return infiniteQueryOptions({
    queryKey: [...listingsQueryKey, state ?? 'all'] as const,
    queryFn: ({ pageParam, signal }) => getListings(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

export function useListings(state: ListingState | null) {
  return useInfiniteQuery(listingsQueryOptions(state));
}
