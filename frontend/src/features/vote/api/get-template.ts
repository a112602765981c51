import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Template } from '@/types/studio';

/** GET /api/v1/templates/{id} (public): its options, for the "contains" filter. */
export function getTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  return apiClient.get<Template>(`/templates/${encodeURIComponent(id)}`, { signal });
}

export const templateQueryKey = (id: string) => ['templates', id] as const;

export function templateQueryOptions(id: string | null) {
  return queryOptions({
    queryKey: templateQueryKey(id ?? ''),
    queryFn: id ? ({ signal }) => getTemplate(id, signal) : skipToken,
  });
}

export function useTemplate(id: string | null) {
  return useQuery(templateQueryOptions(id));
}
