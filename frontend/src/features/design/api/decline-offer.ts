import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design, PublicDesign } from '../types';
import { designBySlugQueryKey } from './get-design-by-slug';
import { myDesignsQueryKey } from './get-my-designs';

export interface DeclineOfferInput {
  designId: string;
  /** 1 to 2000 characters: the brand reads it. */
  reason: string;
}

/**
 * POST /api/v1/designs/{id}/offer/decline (a creator of the design) → 200 with the design: the
 * listing becomes `declined`.
 */
export function declineOffer({ designId, reason }: DeclineOfferInput): Promise<Design> {
  return apiClient.post<Design>(
    `/designs/${encodeURIComponent(designId)}/offer/decline`,
    { reason },
    { auth: true },
  );
}

export function useDeclineOffer(slug: string) {
  const queryClient = useQueryClient();
  const queryKey = designBySlugQueryKey(slug);
  return useMutation({
    mutationFn: declineOffer,
    onSuccess: (design) => {
      queryClient.setQueryData<PublicDesign>(queryKey, (page) =>
        page ? { ...page, status: design.status, listing: design.listing } : page,
      );
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
