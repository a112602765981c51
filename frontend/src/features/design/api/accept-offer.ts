import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Design, PublicDesign } from '../types';
import { designBySlugQueryKey } from './get-design-by-slug';
import { myDesignsQueryKey } from './get-my-designs';

export interface AcceptOfferInput {
  designId: string;
  /** The terms the creator read: if they changed meanwhile, 409 `terms_changed`. */
  termsId: string;
}

/**
 * POST /api/v1/designs/{id}/offer/accept (a creator of the design, while the listing is
 * offered) → 200 with the design. 403 `not_a_creator`, 409 `offer_closed`, 409 `terms_changed`.
 */
export function acceptOffer({ designId, termsId }: AcceptOfferInput): Promise<Design> {
  return apiClient.post<Design>(
    `/designs/${encodeURIComponent(designId)}/offer/accept`,
    { terms_id: termsId },
    { auth: true },
  );
}

/**
 * The design's page shows the answer at once (the public page keeps its picture and the rest
 * the answer does not carry), then reloads; a refusal reloads it too, since the offer or its
 * terms may have moved on.
 */
export function useAcceptOffer(slug: string) {
  const queryClient = useQueryClient();
  const queryKey = designBySlugQueryKey(slug);
  return useMutation({
    mutationFn: acceptOffer,
    onSuccess: (design) => {
      queryClient.setQueryData<PublicDesign>(queryKey, (page) =>
        page ? { ...page, status: design.status, listing: design.listing } : page,
      );
      void queryClient.invalidateQueries({ queryKey: myDesignsQueryKey });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
