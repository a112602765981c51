import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { DecisionBody, ReviewItem } from '../types';
import { reviewsQueryKey } from './get-reviews';
import { listingsQueryKey } from './get-listings';

export interface DecideInput {
  designId: string;
  body: DecisionBody;
}

/**
 * POST /api/v1/brand/reviews/{design_id}/decision → the decided item. Needs no claim, but 409
 * `claimed` while another curator's claim is live; of two curators deciding at once, one gets
 * 409 `already_decided`. 422 names the terms' fields (`terms.price`, `terms.royalty_bps`,
 * `terms.royalty_fixed`, `terms.starts_at`) or `reason`.
 */
export function decideReview({ designId, body }: DecideInput): Promise<ReviewItem> {
  return apiClient.post<ReviewItem>(
    `/brand/reviews/${encodeURIComponent(designId)}/decision`,
    body,
    { auth: true },
  );
}

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReview,
    onSettled: () => {
      // The item moves from the open list to the decided one; an approval makes an offer.
      void queryClient.invalidateQueries({ queryKey: listingsQueryKey });
      return queryClient.invalidateQueries({ queryKey: reviewsQueryKey });
    },
  });
}
