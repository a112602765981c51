import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { updateReview } from '../utils/review-cache';
import { reviewsQueryKey } from './get-reviews';

/** DELETE /api/v1/brand/reviews/{design_id}/claim → 204 (only the curator holding it). */
export function releaseReview(designId: string): Promise<void> {
  return apiClient.delete(`/brand/reviews/${encodeURIComponent(designId)}/claim`, {
    auth: true,
  });
}

export function useReleaseReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseReview,
    onSuccess: (_nothing, designId) => {
      updateReview(queryClient, designId, (item) => ({ ...item, claim: null }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewsQueryKey }),
  });
}
