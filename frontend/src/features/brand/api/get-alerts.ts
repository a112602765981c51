import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BurstAlert } from '../types';

/**
 * GET /api/v1/brand/alerts (brand): designs rated in the last hour by five or more accounts
 * younger than the minimum age, most first: maybe a ring of fresh accounts.
 */
export function getAlerts(signal?: AbortSignal): Promise<{ items: BurstAlert[] }> {
  return apiClient.get<{ items: BurstAlert[] }>('/brand/alerts', { auth: true, signal });
}

export const alertsQueryKey = ['brand', 'alerts'] as const;

export function useAlerts() {
  return useQuery(
    queryOptions({
      queryKey: alertsQueryKey,
      queryFn: ({ signal }) => getAlerts(signal),
      select: (data) => data.items,
      staleTime: 0,
      // Bursts are about the last hour: look again now and then while the page is open.
      refetchInterval: 60_000,
    }),
  );
}
