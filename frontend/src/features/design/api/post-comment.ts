import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Comment, CommentPage } from '../types';
import { addComment } from '../utils/comments';
import { commentsQueryKey } from './get-comments';

export interface CommentInput {
  body: string;
  /** The top-level comment to answer; null for a new top-level comment. */
  parent_id: string | null;
}

/**
 * POST /api/v1/designs/{id}/comments (signed in) → 201. 422 `body` (1 to 2000 characters) or
 * `parent_id` `reply_depth` (a reply to a reply); 409 `not_commentable` (a draft or withdrawn
 * design); 429 `rate_limited`.
 */
export function postComment(designId: string, input: CommentInput): Promise<Comment> {
  return apiClient.post<Comment>(`/designs/${encodeURIComponent(designId)}/comments`, input, {
    auth: true,
  });
}

export function usePostComment(designId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) => postComment(designId, input),
    onSuccess: (comment) => {
      queryClient.setQueryData<InfiniteData<CommentPage>>(commentsQueryKey(designId), (data) =>
        data ? addComment(data, comment) : data,
      );
    },
  });
}
