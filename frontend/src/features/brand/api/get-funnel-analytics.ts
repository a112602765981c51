import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { FunnelCounts } from '../types';

export const FUNNEL_ANALYTICS_PATH = '/brand/analytics/funnel';

/** GET /api/v1/brand/analytics/funnel (brand): designs at or past each stage. */
export function getFunnelAnalytics(signal?: AbortSignal): Promise<FunnelCounts> {
  return apiClient.get<FunnelCounts>(FUNNEL_ANALYTICS_PATH, { auth: true, signal });
}

export function useFunnelAnalytics() {
  return useQuery({
    queryKey: ['brand', 'analytics', 'funnel'] as const,
    queryFn: ({ signal }) => getFunnelAnalytics(signal),
  });
}
