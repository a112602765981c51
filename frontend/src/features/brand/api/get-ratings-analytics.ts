import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RatingsDay } from '../types';

export const ratingsAnalyticsPath = (days: number) => `/brand/analytics/ratings?days=${days}`;

/** GET /api/v1/brand/analytics/ratings?days= (brand): UTC days, oldest first, empty ones as 0. */
export function getRatingsAnalytics(
  days: number,
  signal?: AbortSignal,
): Promise<{ days: RatingsDay[] }> {
  return apiClient.get<{ days: RatingsDay[] }>(ratingsAnalyticsPath(days), { auth: true, signal });
}

export function useRatingsAnalytics(days: number) {
  return useQuery({
    queryKey: ['brand', 'analytics', 'ratings', days] as const,
    queryFn: ({ signal }) => getRatingsAnalytics(days, signal),
    select: (data) => data.days,
    // Changing the period keeps the last chart until the new one is in.
    placeholderData: keepPreviousData,
  });
}
