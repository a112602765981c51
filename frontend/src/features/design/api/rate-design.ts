import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicDesign, RatingInput, RatingResult } from '../types';
import { promotionWithRatings } from '../utils/promotion';
import { designBySlugQueryKey } from './get-design-by-slug';

/**
 * PUT /api/v1/designs/{id}/rating (signed in): rates a published design, or changes the rating.
 * 403 `own_design` for the creator and co-creators, 409 `not_rateable` for a draft or a
 * withdrawn design, 429 `rate_limited` for too many ratings in a minute. A rating from an
 * account too young or not verified is kept with `counted: false`.
 */
export function rateDesign(id: string, input: RatingInput): Promise<RatingResult> {
  return apiClient.put<RatingResult>(`/designs/${encodeURIComponent(id)}/rating`, input, {
    auth: true,
  });
}

/** Shows the new rating at once on the design's page, and puts it back if the server refuses. */
export function useRateDesign(slug: string) {
  const queryClient = useQueryClient();
  const queryKey = designBySlugQueryKey(slug);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RatingInput }) => rateDesign(id, input),
    onMutate: async ({ input }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PublicDesign>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, { ...previous, my_rating: input });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (result) => {
      // The feeds (the vote feature's, under ['feed']) order and badge designs by their ratings.
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      queryClient.setQueryData<PublicDesign>(queryKey, (design) =>
        design
          ? {
              ...design,
              my_rating: { stars: result.stars, would_buy: result.would_buy },
              ratings: result.design,
              status: result.status,
              promotion: design.promotion
                ? promotionWithRatings(design.promotion, result.design)
                : design.promotion,
            }
          : design,
      );
    },
  });
}
