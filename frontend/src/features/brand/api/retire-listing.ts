import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandListing } from '../types';
import { replaceListing } from '../utils/listing-cache';
import { listingsQueryKey } from './get-listings';

/**
 * POST /api/v1/brand/listings/{id}/retire `{ reason }` (required): from any state but declined,
 * for good. 409 `invalid_transition` when it does not apply.
 */
export function retireListing({
  id,
  reason,
}: {
  id: string;
  reason: string;
}): Promise<BrandListing> {
  return apiClient.post<BrandListing>(
    `/brand/listings/${encodeURIComponent(id)}/retire`,
    { reason },
    { auth: true },
  );
}

export function useRetireListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireListing,
    onSuccess: (listing) => {
      replaceListing(queryClient, listing);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['menu'] });
      return queryClient.invalidateQueries({ queryKey: listingsQueryKey });
    },
  });
}
