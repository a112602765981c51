import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { TemplateSummary } from '@/types/studio';

/**
 * GET /api/v1/templates (public): the templates customers can start from. The brand's list
 * does not say which templates are retired; those are the ones missing here.
 */
export function getOfferedTemplates(signal?: AbortSignal): Promise<{ items: TemplateSummary[] }> {
  return apiClient.get<{ items: TemplateSummary[] }>('/templates', { signal });
}

export const offeredTemplatesQueryKey = ['brand', 'offered-templates'] as const;

/** The ids of the templates on offer. */
export function useOfferedTemplateIds() {
  return useQuery(
    queryOptions({
      queryKey: offeredTemplatesQueryKey,
      queryFn: ({ signal }) => getOfferedTemplates(signal),
      select: (data) => new Set(data.items.map((template) => template.id)),
    }),
  );
}
