/** The community feed as `GET /api/v1/feed` sends it. */
import type { RatingSummary } from '@/types/ratings';
import type { Money } from '@/types/studio';

export const FEED_SORTS = ['hot', 'top', 'new'] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

export function isFeedSort(value: string | null): value is FeedSort {
  return (FEED_SORTS as readonly (string | null)[]).includes(value);
}

/** Published, in the brand's review (shortlisted), decided on by the brand, or on the menu. */
export type FeedItemStatus =
  'published' | 'shortlisted' | 'approved' | 'changes_requested' | 'rejected' | 'listed';

export interface FeedItem {
  id: string;
  slug: string;
  /** `/d/{slug}`. */
  url: string;
  /** `/d/{slug}/preview.png`, a 1200x630 PNG. */
  preview_url: string;
  name: string;
  creator_id: string;
  creator_name: string;
  /** Anything but published gets a badge (shortlisted: the brand is considering it). */
  status: FeedItemStatus;
  template_id: string;
  price: Money;
  ratings: RatingSummary;
  /** Unix milliseconds, UTC. */
  published_at: number;
}

export interface FeedPage {
  items: FeedItem[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  next_cursor: string | null;
}
