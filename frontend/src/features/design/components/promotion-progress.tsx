import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { Promotion, PromotionProgress as Bar } from '../types';

/**
 * One bar per threshold the brand sets (ratings, cautious average, would-buy), each an
 * accessible progressbar. `compact` is the one-line version of the creator's list of designs.
 */
export function PromotionProgress({
  promotion,
  compact = false,
}: {
  promotion: Promotion;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul
      className={compact ? 'promotion promotion-compact' : 'promotion'}
      aria-label={t('promotion.label')}
      data-testid="promotion"
    >
      {promotion.progress.map((bar) => (
        <ProgressRow key={bar.key} bar={bar} />
      ))}
    </ul>
  );
}

function ProgressRow({ bar }: { bar: Bar }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labelId = useId();
  const number = (value: number) =>
    bar.key === 'lower_bound' ? format.score(value) : format.integer(value);
  const amount = t('promotion.amount', {
    current: number(bar.current),
    target: number(bar.target),
  });
  const share = bar.target > 0 ? Math.min(1, Math.max(0, bar.current / bar.target)) : 1;
  return (
    <li className="promotion-row" data-met={bar.met ? '' : undefined}>
      <span className="promotion-label">
        <span id={labelId}>{t(`promotion.keys.${bar.key}`)}</span>
        <span className="promotion-amount">{amount}</span>
        <span className={bar.met ? 'promotion-state promotion-met' : 'promotion-state'}>
          {bar.met ? t('promotion.met') : t('promotion.notMet')}
        </span>
      </span>
      <span
        className="promotion-bar"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={bar.target}
        // A design can be above the target (a cautious average of 3.9 for 3.5): the bar is full
        // and the words say by how much.
        aria-valuenow={Math.min(bar.current, bar.target)}
        aria-valuetext={`${amount}, ${bar.met ? t('promotion.met') : t('promotion.notMet')}`}
      >
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </li>
  );
}
