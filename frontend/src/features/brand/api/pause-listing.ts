import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandListing } from '../types';
import { replaceListing } from '../utils/listing-cache';
import { listingsQueryKey } from './get-listings';

/**
 * POST /api/v1/brand/listings/{id}/pause `{ reason }`: a live or scheduled listing leaves the
 * menu for now. 409 `invalid_transition` from any other state.
 */
export function pauseListing({
  id,
  reason,
}: {
  id: string;
  reason: string;
}): Promise<BrandListing> {
  return apiClient.post<BrandListing>(
    `/brand/listings/${encodeURIComponent(id)}/pause`,
    { reason },
    { auth: true },
  );
}

export function usePauseListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pauseListing,
    onSuccess: (listing) => {
      replaceListing(queryClient, listing);
    },
    // A filtered list may no longer hold it; the menu changes too.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['menu'] });
      return queryClient.invalidateQueries({ queryKey: listingsQueryKey });
    },
  });
}
