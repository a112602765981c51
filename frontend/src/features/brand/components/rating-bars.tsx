import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { RatingSummary } from '@/types/ratings';

const STARS = [5, 4, 3, 2, 1] as const;

/** A bar per number of stars, five first, each as long as its share of the most given. */
export function RatingBars({ ratings, label }: { ratings: RatingSummary; label: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const most = Math.max(1, ...ratings.histogram);
  return (
    <ul className="histogram brand-histogram" aria-label={label} data-testid="rating-bars">
      {STARS.map((stars) => {
        const n = ratings.histogram[stars - 1] ?? 0;
        return (
          <li key={stars}>
            <span className="histogram-label" aria-hidden="true">
              {stars} ★
            </span>
            <span className="histogram-bar" aria-hidden="true">
              <span style={{ width: `${(n / most) * 100}%` }} />
            </span>
            <span className="histogram-count" aria-hidden="true">
              {format.integer(n)}
            </span>
            <span className="visually-hidden">
              {t('ratings.histogramRow', {
                stars: t('ratings.stars', { count: stars }),
                n: format.integer(n),
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
