import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { TemplateSummary } from '@/types/studio';

/** GET /api/v1/templates (public): the templates a feed can be narrowed to. */
export function getTemplates(signal?: AbortSignal): Promise<{ items: TemplateSummary[] }> {
  return apiClient.get<{ items: TemplateSummary[] }>('/templates', { signal });
}

export const templatesQueryKey = ['templates'] as const;

export function templatesQueryOptions() {
  return queryOptions({
    queryKey: templatesQueryKey,
    queryFn: ({ signal }) => getTemplates(signal),
    select: (data) => data.items,
  });
}

export function useTemplates() {
  return useQuery(templatesQueryOptions());
}
