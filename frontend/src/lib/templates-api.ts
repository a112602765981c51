/** The brand's public templates: what a design can start from, and what a feed can be narrowed to. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TemplateSummary } from '@/types/studio';
import { apiClient } from './api-client';

/** GET /api/v1/templates (public). */
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
