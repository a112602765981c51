import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Comment, CommentPage } from '../types';
import { replaceComment } from '../utils/comments';
import { commentsQueryKey } from './get-comments';

/**
 * PATCH /api/v1/comments/{id} (its author) → 200. 403 `forbidden` for anyone else; 409
 * `edit_window_closed` once its 15 minutes are over.
 */
export function editComment(id: string, body: string): Promise<Comment> {
  return apiClient.patch<Comment>(`/comments/${encodeURIComponent(id)}`, { body }, { auth: true });
}

export function useEditComment(designId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => editComment(id, body),
    onSuccess: (comment) => {
      queryClient.setQueryData<InfiniteData<CommentPage>>(commentsQueryKey(designId), (data) =>
        data ? replaceComment(data, comment) : data,
      );
    },
  });
}
