import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { CommentPage } from '../types';

/** How many top-level comments (each with all its replies) a page brings. */
export const COMMENTS_PAGE_SIZE = 20;

/**
 * GET /api/v1/designs/{id}/comments (public): top-level comments oldest first, each with all
 * its replies, oldest first.
 */
export function getComments(
  designId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  const params = new URLSearchParams({ limit: String(COMMENTS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiClient.get<CommentPage>(
    `/designs/${encodeURIComponent(designId)}/comments?${params.toString()}`,
    { signal },
  );
}

export const commentsQueryKey = (designId: string) => ['comments', designId] as const;

export function commentsQueryOptions(designId: string) {
  return infiniteQueryOptions({
    queryKey: commentsQueryKey(designId),
    queryFn: ({ pageParam, signal }) => getComments(designId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
}

export function useComments(designId: string) {
  return useInfiniteQuery(commentsQueryOptions(designId));
}
