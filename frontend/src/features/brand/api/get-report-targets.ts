import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ReportTarget } from '../types';

/** GET /api/v1/brand/reports/targets (brand): open reports by what they are about, most first. */
export function getReportTargets(signal?: AbortSignal): Promise<{ items: ReportTarget[] }> {
  return apiClient.get<{ items: ReportTarget[] }>('/brand/reports/targets', { auth: true, signal });
}

export const reportTargetsQueryKey = ['brand', 'report-targets'] as const;

export function useReportTargets() {
  return useQuery(
    queryOptions({
      queryKey: reportTargetsQueryKey,
      queryFn: ({ signal }) => getReportTargets(signal),
      select: (data) => data.items,
      staleTime: 0,
    }),
  );
}
