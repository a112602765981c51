import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandListing } from '../types';
import { replaceListing } from '../utils/listing-cache';
import { listingsQueryKey } from './get-listings';

/**
 * POST /api/v1/brand/listings/{id}/resume `{}`: a paused listing goes back to live (or
 * scheduled, before its first day). 409 `invalid_transition` from any other state.
 */
export function resumeListing(id: string): Promise<BrandListing> {
  return apiClient.post<BrandListing>(
    `/brand/listings/${encodeURIComponent(id)}/resume`,
    {},
    { auth: true },
  );
}

export function useResumeListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resumeListing,
    onSuccess: (listing) => {
      replaceListing(queryClient, listing);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['menu'] });
      return queryClient.invalidateQueries({ queryKey: listingsQueryKey });
    },
  });
}
