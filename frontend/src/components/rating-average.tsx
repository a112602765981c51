import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { RatingSummary } from '@/types/ratings';

/**
 * A design's average and how many rated it, e.g. "4.6 ★ (200)"; read out in words
 * ("Rated 4.6 out of 5 by 200 people"), since the star and brackets mean nothing spoken.
 */
export function RatingAverage({
  ratings,
  className,
  testId,
}: {
  ratings: Pick<RatingSummary, 'average' | 'count'>;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const classes = ['rating-average', className].filter(Boolean).join(' ');
  if (ratings.average === null || ratings.count === 0) {
    return (
      <span className={classes} data-testid={testId}>
        {t('ratings.none')}
      </span>
    );
  }
  const average = format.stars(ratings.average);
  return (
    <span className={classes} data-testid={testId}>
      <span aria-hidden="true">
        {t('ratings.short', { average, n: format.integer(ratings.count) })}
      </span>
      <span className="visually-hidden">
        {t('ratings.long', { average, count: ratings.count, n: format.integer(ratings.count) })}
      </span>
    </span>
  );
}
