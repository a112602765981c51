import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { TemplateSummary } from '@/types/studio';

/** GET /api/v1/templates: the templates the brand offers, to pick one to manage. */
export function getTemplates(signal?: AbortSignal): Promise<{ items: TemplateSummary[] }> {
  return apiClient.get<{ items: TemplateSummary[] }>('/templates', { signal });
}

export const brandTemplatesQueryKey = ['brand', 'templates'] as const;

export function useBrandTemplates() {
  return useQuery(
    queryOptions({
      queryKey: brandTemplatesQueryKey,
      queryFn: ({ signal }) => getTemplates(signal),
      select: (data) => data.items,
    }),
  );
}
