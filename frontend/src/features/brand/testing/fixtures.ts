/** The brand console's resources for its tests. */
import type { Terms } from '@/types/listings';
import type { BrandListing, ReviewDesign, ReviewItem } from '../types';

export const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function reviewDesign(overrides: Partial<ReviewDesign> = {}): ReviewDesign {
  return {
    id: 'd-1',
    status: 'shortlisted',
    slug: 'smoky-ada',
    url: '/d/smoky-ada',
    name: 'Smoky Ada',
    template_name: { en: 'Burger', fr: 'Burger' },
    creator: { id: 'acc-ada', display_name: 'Ada' },
    split: {
      co_creators: [
        { account_id: 'acc-ben', display_name: 'Ben', share_bps: 3000, status: 'accepted' },
        { account_id: 'acc-zoe', display_name: 'Zoé', share_bps: 1000, status: 'invited' },
      ],
    },
    remix_of: null,
    revision_of: null,
    quote: { price: eur(1190) },
    ratings: {
      count: 42,
      average: 4.4,
      lower_bound: 3.91,
      histogram: [1, 2, 4, 10, 25],
      would_buy_count: 17,
    },
    feasibility: { cost: eur(420), margin: eur(770), prep_seconds: 330 },
    ...overrides,
  };
}

export function reviewItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    design: reviewDesign(),
    entered_at: Date.now() - 10 * DAY,
    due_at: Date.now() + 4 * DAY,
    due_soon: false,
    overdue: false,
    claim: null,
    comments: 4,
    open_reports: 1,
    decision: null,
    ...overrides,
  };
}

export function terms(overrides: Partial<Terms> = {}): Terms {
  return {
    id: 'terms-1',
    effective_from: Date.UTC(2026, 11, 1),
    price: eur(1250),
    royalty_bps: 500,
    royalty_fixed: eur(25),
    ...overrides,
  };
}

export function brandListing(overrides: Partial<BrandListing> = {}): BrandListing {
  const current = overrides.terms ?? terms();
  return {
    id: 'l-1',
    design: { id: 'd-1', slug: 'smoky-ada', name: 'Smoky Ada', url: '/d/smoky-ada' },
    template_name: { en: 'Burger', fr: 'Burger' },
    state: 'live',
    starts_at: Date.UTC(2026, 11, 1),
    reason: null,
    terms: current,
    history: [current],
    acceptances: [
      {
        account_id: 'acc-ada',
        display_name: 'Ada',
        share_bps: 7000,
        accepted_at: Date.UTC(2026, 10, 27, 9, 30),
      },
      {
        account_id: 'acc-ben',
        display_name: 'Ben',
        share_bps: 3000,
        accepted_at: Date.UTC(2026, 10, 28, 18),
      },
    ],
    created_at: Date.UTC(2026, 10, 25),
    ...overrides,
  };
}
