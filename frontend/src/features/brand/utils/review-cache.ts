/** Changing one review in the cached pages of both queues, without reloading them. */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { reviewsQueryKey } from '../api/get-reviews';
import type { Page, ReviewItem } from '../types';

/** Apply `change` to the item of `designId` wherever a loaded page holds it. */
export function updateReview(
  queryClient: QueryClient,
  designId: string,
  change: (item: ReviewItem) => ReviewItem,
): void {
  queryClient.setQueriesData<InfiniteData<Page<ReviewItem>>>(
    { queryKey: reviewsQueryKey },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.design.id === designId ? change(item) : item)),
        })),
      },
  );
}

/** The server's fresh copy of an item in place of the cached one. */
export function replaceReview(queryClient: QueryClient, fresh: ReviewItem): void {
  updateReview(queryClient, fresh.design.id, () => fresh);
}
