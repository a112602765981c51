import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandListing, TermsChange } from '../types';
import { replaceListing } from '../utils/listing-cache';
import { listingsQueryKey } from './get-listings';

/**
 * POST /api/v1/brand/listings/{id}/terms → 201 with the listing: new terms from
 * `effective_from` (in the future: orders already placed keep theirs); the creators are told.
 * 422 `royalty_cut` when either royalty part would go down (that needs the creators' consent).
 */
export function changeTerms({
  id,
  change,
}: {
  id: string;
  change: TermsChange;
}): Promise<BrandListing> {
  return apiClient.post<BrandListing>(`/brand/listings/${encodeURIComponent(id)}/terms`, change, {
    auth: true,
  });
}

export function useChangeTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeTerms,
    onSuccess: (listing) => {
      replaceListing(queryClient, listing);
      void queryClient.invalidateQueries({ queryKey: listingsQueryKey });
    },
  });
}
