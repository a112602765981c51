/** Listings (an approved design on the menu) and their royalty terms, as several pages show them. */
import type { Money } from './studio';

/**
 * `offered` until every creator accepted the terms, then `scheduled` (before its first day on
 * the menu) or `live`; `paused` and `retired` by the brand; `declined` when a creator said no.
 */
export type ListingState = 'offered' | 'declined' | 'scheduled' | 'live' | 'paused' | 'retired';

export const LISTING_STATES: readonly ListingState[] = [
  'offered',
  'scheduled',
  'live',
  'paused',
  'retired',
  'declined',
];

/** The price and royalty of a listing from `effective_from` on (rows are never changed). */
export interface Terms {
  id: string;
  /** Unix milliseconds. */
  effective_from: number;
  price: Money;
  /** A share of net line revenue in basis points (500 = 5 %). */
  royalty_bps: number;
  /** Per unit sold. */
  royalty_fixed: Money | null;
}

/** A creator's answer to the offer: their share, and when they accepted (null: not yet). */
export interface Acceptance {
  account_id: string;
  display_name: string;
  share_bps: number;
  accepted_at: number | null;
}

/** A design named in another resource: `slug` and `url` are null for a draft. */
export interface DesignRef {
  id: string;
  slug: string | null;
  name: string;
  url: string | null;
}

/** A design's public page, `/d/{slug}`, when it has one. */
export function designRefPath(design: { slug: string | null }): string | null {
  return design.slug ? `/d/${encodeURIComponent(design.slug)}` : null;
}
