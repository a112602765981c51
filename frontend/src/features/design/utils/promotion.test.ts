import { describe, expect, it } from 'vitest';
import { ratingSummary } from '../testing/fixtures';
import type { Promotion } from '../types';
import { promotionWithRatings, shortfalls } from './promotion';

const promotion: Promotion = {
  thresholds: {
    min_ratings: 10,
    min_lower_bound: 3.5,
    min_would_buy: 3,
    min_account_age_days: 3,
    require_verified_email: true,
  },
  progress: [
    { key: 'ratings', current: 9, target: 10, met: false },
    { key: 'lower_bound', current: 3.71, target: 3.5, met: true },
    { key: 'would_buy', current: 2, target: 3, met: false },
  ],
  met: false,
};

describe('a design’s way to the brand', () => {
  it('lists what is missing in whole ratings', () => {
    expect(shortfalls(promotion)).toEqual([
      { key: 'ratings', missing: 1 },
      { key: 'would_buy', missing: 1 },
    ]);
  });

  it('follows a new rating summary, and is met once every bar is', () => {
    const next = promotionWithRatings(promotion, {
      ...ratingSummary([0, 0, 2, 4, 4], 3),
      lower_bound: 3.6,
    });
    expect(next.progress.map((bar) => [bar.key, bar.current, bar.met])).toEqual([
      ['ratings', 10, true],
      ['lower_bound', 3.6, true],
      ['would_buy', 3, true],
    ]);
    expect(next.met).toBe(true);
    expect(shortfalls(next)).toEqual([]);
  });
});
