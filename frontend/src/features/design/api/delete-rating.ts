import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicDesign } from '../types';
import { designBySlugQueryKey } from './get-design-by-slug';

/** DELETE /api/v1/designs/{id}/rating (signed in): takes the visitor's rating back (204). */
export function deleteRating(id: string): Promise<void> {
  return apiClient.delete(`/designs/${encodeURIComponent(id)}/rating`, { auth: true });
}

/** Clears the rating at once; the design is then reloaded for its new summary. */
export function useDeleteRating(slug: string) {
  const queryClient = useQueryClient();
  const queryKey = designBySlugQueryKey(slug);
  return useMutation({
    mutationFn: deleteRating,
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PublicDesign>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, { ...previous, my_rating: null });
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSettled: () => {
      // The feeds (the vote feature's, under ['feed']) order designs by their ratings.
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
