import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { RatingsDay } from '../types';
import { barLayout, utcDayLabel } from '../utils/chart';

const WIDTH = 600;
const HEIGHT = 160;

/**
 * Ratings per day as bars, the would-buys inside them in a darker shade. Screen readers get a
 * one-sentence summary, and everyone can open the figures as a table.
 */
export function RatingsChart({ days }: { days: readonly RatingsDay[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const summaryId = useId();
  const ratings = days.map((day) => day.ratings);
  const most = Math.max(0, ...ratings);
  const bars = barLayout(ratings, { width: WIDTH, height: HEIGHT });
  const wouldBuy = barLayout(
    days.map((day) => day.would_buy),
    { width: WIDTH, height: HEIGHT, max: Math.max(1, most) },
  );
  const total = ratings.reduce((sum, n) => sum + n, 0);
  const totalWouldBuy = days.reduce((sum, day) => sum + day.would_buy, 0);
  const busiest = days.find((day) => day.ratings === most && most > 0);
  const first = days[0];
  const last = days[days.length - 1];

  return (
    <figure className="analytics-chart" data-testid="ratings-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={summaryId}
        className="analytics-svg"
      >
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="analytics-axis" />
        {bars.map((bar, index) => (
          <rect key={`r${index}`} {...bar} className="analytics-bar" />
        ))}
        {wouldBuy.map((bar, index) => (
          <rect key={`w${index}`} {...bar} className="analytics-bar-strong" />
        ))}
      </svg>
      {first && last ? (
        <p className="analytics-range" aria-hidden="true">
          <span>{utcDayLabel(first.date, format.language)}</span>
          <span>{utcDayLabel(last.date, format.language)}</span>
        </p>
      ) : null}
      <figcaption id={summaryId} data-testid="ratings-summary">
        {t('analytics.ratings.summary', {
          count: total,
          n: format.integer(total),
          wouldBuy: format.integer(totalWouldBuy),
          days: days.length,
        })}
        {busiest
          ? ` ${t('analytics.ratings.busiest', {
              date: utcDayLabel(busiest.date, format.language),
              n: format.integer(busiest.ratings),
            })}`
          : ''}
      </figcaption>
      <p className="analytics-legend">
        <span className="analytics-key analytics-key-ratings" aria-hidden="true" />{' '}
        {t('analytics.ratings.ratings')}{' '}
        <span className="analytics-key analytics-key-would-buy" aria-hidden="true" />{' '}
        {t('analytics.ratings.wouldBuy')}
      </p>
      <details className="analytics-table-toggle">
        <summary>{t('analytics.showTable')}</summary>
        <table className="brand-table" data-testid="ratings-table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.ratings.day')}</th>
              <th scope="col">{t('analytics.ratings.ratings')}</th>
              <th scope="col">{t('analytics.ratings.wouldBuy')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{utcDayLabel(day.date, format.language)}</th>
                <td data-label={t('analytics.ratings.ratings')}>{format.integer(day.ratings)}</td>
                <td data-label={t('analytics.ratings.wouldBuy')}>
                  {format.integer(day.would_buy)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
