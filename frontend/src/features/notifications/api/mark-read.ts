import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { unreadCountQueryKey } from './get-unread-count';

export type MarkReadInput = { ids: string[] } | { all: true };

/** POST /api/v1/me/notifications/read (signed in) → 204. */
export function markRead(input: MarkReadInput): Promise<void> {
  return apiClient.post<undefined>('/me/notifications/read', input, { auth: true });
}

/** Marks notifications read; the bell follows at once when it is all of them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: (_nothing, input) => {
      if ('all' in input) queryClient.setQueryData(unreadCountQueryKey, { count: 0 });
      else void queryClient.invalidateQueries({ queryKey: unreadCountQueryKey });
    },
  });
}
