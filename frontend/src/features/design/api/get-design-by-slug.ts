import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicDesign } from '../types';

/**
 * GET /api/v1/designs/by-slug/{slug} (public): a published design as frozen at publication.
 * Sent with the token when signed in, so that `my_rating` is the visitor's own.
 */
export async function getDesignBySlug(slug: string, signal?: AbortSignal): Promise<PublicDesign> {
  if (apiClient.session.getSnapshot().status === 'loading') await apiClient.session.restore();
  const auth = apiClient.session.accessToken() !== null;
  return apiClient.get<PublicDesign>(`/designs/by-slug/${encodeURIComponent(slug)}`, {
    signal,
    auth,
  });
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
