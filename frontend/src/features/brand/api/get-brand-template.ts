import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandTemplate } from '../types';

/**
 * GET /api/v1/brand/templates/{id} (curators, community managers, admins): the template with
 * costs and preparation times, retired options included.
 */
export function getBrandTemplate(id: string, signal?: AbortSignal): Promise<BrandTemplate> {
  return apiClient.get<BrandTemplate>(`/brand/templates/${encodeURIComponent(id)}`, {
    auth: true,
    signal,
  });
}

export const brandTemplateQueryKey = (id: string) => ['brand', 'templates', id] as const;

export function useBrandTemplate(id: string | null) {
  return useQuery(
    queryOptions({
      queryKey: brandTemplateQueryKey(id ?? ''),
      queryFn: id ? ({ signal }) => getBrandTemplate(id, signal) : skipToken,
    }),
  );
}
