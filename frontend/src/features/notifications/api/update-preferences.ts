import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { NotificationPreferences } from '../types';
import { preferencesQueryKey } from './get-preferences';

/** PUT /api/v1/me/notification-preferences (signed in): the whole set each time. */
export function updatePreferences(
  preferences: NotificationPreferences,
): Promise<NotificationPreferences> {
  return apiClient.put<NotificationPreferences>('/me/notification-preferences', preferences, {
    auth: true,
  });
}

/** Ticks at once; put back if the server refuses. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: preferencesQueryKey });
      const previous = queryClient.getQueryData<NotificationPreferences>(preferencesQueryKey);
      queryClient.setQueryData(preferencesQueryKey, next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous) queryClient.setQueryData(preferencesQueryKey, context.previous);
    },
    onSuccess: (saved: NotificationPreferences | undefined) => {
      // The answer is the saved set; a bare 204 leaves what was ticked.
      if (saved) queryClient.setQueryData(preferencesQueryKey, saved);
    },
  });
}
