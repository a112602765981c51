import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicDesign } from '../types';

/** GET /api/v1/designs/by-slug/{slug} (public): a published design as frozen at publication. */
export function getDesignBySlug(slug: string, signal?: AbortSignal): Promise<PublicDesign> {
  return apiClient.get<PublicDesign>(`/designs/by-slug/${encodeURIComponent(slug)}`, { signal });
}

/** Every published design's query, by slug (what to refresh when credits change). */
export const designsBySlugQueryKey = ['designs', 'by-slug'] as const;

export const designBySlugQueryKey = (slug: string) => [...designsBySlugQueryKey, slug] as const;

export function designBySlugQueryOptions(slug: string) {
  return queryOptions({
    queryKey: designBySlugQueryKey(slug),
    queryFn: ({ signal }) => getDesignBySlug(slug, signal),
  });
}

export function useDesignBySlug(slug: string) {
  return useQuery(designBySlugQueryOptions(slug));
}
