import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { CommentPage } from '../types';
import { removeComment } from '../utils/comments';
import { commentsQueryKey } from './get-comments';

/** DELETE /api/v1/comments/{id} (its author, or the brand) → 204. */
export function deleteComment(id: string): Promise<void> {
  return apiClient.delete(`/comments/${encodeURIComponent(id)}`, { auth: true });
}

export function useDeleteComment(designId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<InfiniteData<CommentPage>>(commentsQueryKey(designId), (data) =>
        data ? removeComment(data, id) : data,
      );
    },
  });
}
