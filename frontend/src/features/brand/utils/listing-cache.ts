/** The server's fresh copy of a listing, in place of the cached one in every filtered list. */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { listingsQueryKey } from '../api/get-listings';
import type { BrandListing, Page } from '../types';

export function replaceListing(queryClient: QueryClient, fresh: BrandListing): void {
  queryClient.setQueriesData<InfiniteData<Page<BrandListing>>>(
    { queryKey: listingsQueryKey },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.id === fresh.id ? fresh : item)),
        })),
      },
  );
}
