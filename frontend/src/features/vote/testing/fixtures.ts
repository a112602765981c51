/** Designs of the community feed for the vote page's tests. */
import type { FeedItem } from '../types';

export function feedItem(overrides: Partial<FeedItem> & { slug: string }): FeedItem {
  const { slug } = overrides;
  return {
    id: `d-${slug}`,
    url: `/d/${slug}`,
    preview_url: `/d/${slug}/preview.png`,
    name: slug,
    creator_name: 'Ada',
    template_id: 'tpl-burger',
    price: { amount_minor: 860, currency: 'EUR' },
    ratings: {
      count: 200,
      average: 4.56,
      lower_bound: 4.4,
      histogram: [2, 8, 10, 40, 140],
      would_buy_count: 120,
    },
    published_at: Date.UTC(2026, 10, 2),
    ...overrides,
  };
}
