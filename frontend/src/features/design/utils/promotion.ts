/** A design's way to the brand: what its ratings still lack. */
import type { RatingSummary } from '@/types/ratings';
import type { Promotion, PromotionProgress } from '../types';

/** The progress the server would report for these ratings (after rating, before a reload). */
export function promotionWithRatings(promotion: Promotion, ratings: RatingSummary): Promotion {
  const current: Record<PromotionProgress['key'], number> = {
    ratings: ratings.count,
    lower_bound: ratings.lower_bound,
    would_buy: ratings.would_buy_count,
  };
  const progress = promotion.progress.map((bar) => {
    const value = current[bar.key];
    return { ...bar, current: value, met: value >= bar.target };
  });
  return { ...promotion, progress, met: progress.every((bar) => bar.met) };
}

/** What is still missing, threshold by threshold; counts are whole ratings. */
export type Shortfall =
  | { key: 'ratings' | 'would_buy'; missing: number }
  | { key: 'lower_bound'; target: number; current: number };

export function shortfalls(promotion: Promotion): Shortfall[] {
  return promotion.progress
    .filter((bar) => !bar.met)
    .map((bar): Shortfall =>
      bar.key === 'lower_bound'
        ? { key: 'lower_bound', target: bar.target, current: bar.current }
        : { key: bar.key, missing: Math.max(1, Math.ceil(bar.target - bar.current)) },
    );
}
