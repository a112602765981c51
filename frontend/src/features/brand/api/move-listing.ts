import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { BrandListing } from '../types';
import { replaceListing } from '../utils/listing-cache';
import { listingsQueryKey } from './get-listings';

/**
 * The brand's moves of a listing, each `POST /api/v1/brand/listings/{id}/{move}`:
 * - `pause` `{ reason }`: a live or scheduled listing leaves the menu for now;
 * - `resume` `{}`: a paused one goes back (live, or scheduled before its first day);
 * - `retire` `{ reason }` (required): from any state but declined, for good.
 *
 * Each answers the listing; 409 `invalid_transition` when the move does not apply.
 */
export type ListingMove = 'pause' | 'resume' | 'retire';

export function moveListing(
  move: ListingMove,
  { id, reason }: { id: string; reason?: string },
): Promise<BrandListing> {
  return apiClient.post<BrandListing>(
    `/brand/listings/${encodeURIComponent(id)}/${move}`,
    reason === undefined ? {} : { reason },
    { auth: true },
  );
}

export function useMoveListing(move: ListingMove) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; reason?: string }) => moveListing(move, args),
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
