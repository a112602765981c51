import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OptionUsage } from '../types';

export const OPTIONS_ANALYTICS_PATH = '/brand/analytics/options';

/** GET /api/v1/brand/analytics/options (brand): options by how many designs use them. */
export function getOptionsAnalytics(signal?: AbortSignal): Promise<{ items: OptionUsage[] }> {
  return apiClient.get<{ items: OptionUsage[] }>(OPTIONS_ANALYTICS_PATH, { auth: true, signal });
}

export function useOptionsAnalytics() {
  return useQuery({
    queryKey: ['brand', 'analytics', 'options'] as const,
    queryFn: ({ signal }) => getOptionsAnalytics(signal),
    select: (data) => data.items,
  });
}
