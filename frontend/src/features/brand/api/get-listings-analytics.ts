import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ListingConversion } from '../types';

export const LISTINGS_ANALYTICS_PATH = '/brand/analytics/listings';

/** GET /api/v1/brand/analytics/listings (brand): how each listing's would-buys turn into sales. */
export function getListingsAnalytics(
  signal?: AbortSignal,
): Promise<{ items: ListingConversion[] }> {
  return apiClient.get<{ items: ListingConversion[] }>(LISTINGS_ANALYTICS_PATH, {
    auth: true,
    signal,
  });
}

export function useListingsAnalytics() {
  return useQuery({
    queryKey: ['brand', 'analytics', 'listings'] as const,
    queryFn: ({ signal }) => getListingsAnalytics(signal),
    select: (data) => data.items,
  });
}
