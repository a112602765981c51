import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiClient } from '@/lib/api-client';
import type { ReviewItem } from '../types';
import { replaceReview } from '../utils/review-cache';
import { reviewsQueryKey } from './get-reviews';

/**
 * POST /api/v1/brand/reviews/{design_id}/claim → the item, held for an hour by the caller (who
 * may claim again to extend it). 409 `claimed` while another curator holds it (the message
 * names them), 409 `already_decided`.
 */
export function claimReview(designId: string): Promise<ReviewItem> {
  return apiClient.post<ReviewItem>(
    `/brand/reviews/${encodeURIComponent(designId)}/claim`,
    undefined,
    { auth: true },
  );
}

export function useClaimReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimReview,
    onSuccess: (item) => {
      replaceReview(queryClient, item);
    },
    onError: (error) => {
      // Someone else moved first: show the queue as it is now.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: reviewsQueryKey });
      }
    },
  });
}
