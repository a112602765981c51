import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { Funnel, PendingRatings, PublicDesign } from '../types';

/**
 * What only the design's creators (and, for the funnel, the brand) see: ratings that do not
 * count yet, and how visits turned into ratings and orders.
 */
export function CreatorInsights({ design }: { design: PublicDesign }) {
  const { t } = useTranslation();
  const pending = design.pending_ratings;
  const hasPending = pending !== null && pending.too_young + pending.unverified > 0;
  if (!hasPending && !design.funnel) return null;
  return (
    <section aria-labelledby="insights-title" className="design-section" data-testid="insights">
      <h2 id="insights-title">{t('insights.title')}</h2>
      {hasPending ? (
        <PendingNotice
          pending={pending}
          minAgeDays={design.promotion?.thresholds.min_account_age_days ?? null}
        />
      ) : null}
      {design.funnel ? <FunnelChart funnel={design.funnel} /> : null}
    </section>
  );
}

function PendingNotice({
  pending,
  minAgeDays,
}: {
  pending: PendingRatings;
  minAgeDays: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const parts: string[] = [];
  if (pending.too_young > 0) {
    const count = pending.too_young;
    parts.push(
      minAgeDays === null
        ? t('insights.pending.tooYoungNew', { count, n: format.integer(count) })
        : t('insights.pending.tooYoung', { count, n: format.integer(count), days: minAgeDays }),
    );
  }
  if (pending.unverified > 0) {
    const count = pending.unverified;
    parts.push(t('insights.pending.unverified', { count, n: format.integer(count) }));
  }
  return (
    <p className="pending-ratings" data-testid="pending-ratings">
      {t('insights.pending.sentence', {
        count: pending.too_young + pending.unverified,
        parts: format.list(parts),
      })}
    </p>
  );
}

const STEPS = ['views', 'ratings', 'would_buy', 'orders'] as const;

/** Views → ratings → would-buy → orders, each a bar as long as its share of the views. */
function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const most = Math.max(1, ...STEPS.map((step) => funnel[step]));
  return (
    <figure className="funnel">
      <figcaption>{t('insights.funnel.title')}</figcaption>
      <ol className="funnel-steps" data-testid="funnel">
        {STEPS.map((step) => (
          <li key={step} className="funnel-step">
            <span className="funnel-label">{t(`insights.funnel.${step}`)}</span>
            <span className="funnel-bar" aria-hidden="true">
              <span style={{ width: `${(funnel[step] / most) * 100}%` }} />
            </span>
            <span className="funnel-count">{format.integer(funnel[step])}</span>
          </li>
        ))}
      </ol>
      {funnel.share_clicks > 0 ? (
        <p className="muted" data-testid="share-clicks">
          {t('insights.funnel.shareClicks', {
            count: funnel.share_clicks,
            n: format.integer(funnel.share_clicks),
          })}
        </p>
      ) : null}
    </figure>
  );
}
