import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { RatingAverage } from '@/components/rating-average';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import type { RatingSummary } from '@/types/ratings';
import type { TFunction } from 'i18next';
import { useDeleteRating } from '../api/delete-rating';
import { useRateDesign } from '../api/rate-design';
import type { NotCountedReason, PublicDesign } from '../types';
import { isLive } from '../utils/status';
import { PromotionProgress } from './promotion-progress';
import { RankExplanation } from './rank-explanation';

const STARS = [1, 2, 3, 4, 5] as const;

/** Why a rating was refused, in words: the server's codes for "yours" and "not in the running". */
function ratingErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'own_design') return t('ratings.errors.ownDesign');
    if (error.code === 'not_rateable') return t('ratings.errors.notRateable');
  }
  return apiErrorMessage(error, t);
}

/**
 * The design's ratings (average, count, a bar per number of stars) and, for a signed-in visitor
 * who did not make it, their own rating.
 */
export function RatingPanel({ design }: { design: PublicDesign }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const accountId = session.session?.account.id;
  const madeIt =
    accountId !== undefined &&
    (design.creator.id === accountId ||
      design.split.co_creators.some((c) => c.account_id === accountId && c.status === 'accepted'));
  // The brand's decision does not stop the community rating it; hiding it does.
  const rateable = isLive(design.status) && design.hidden === null;

  return (
    <section aria-labelledby="ratings-title" className="design-section" data-testid="ratings">
      <h2 id="ratings-title">{t('ratings.title')}</h2>
      <RatingSummaryView ratings={design.ratings} />
      {rateable ? <RankExplanation design={design} /> : null}
      {rateable && design.promotion ? (
        <div className="promotion-block">
          <h3>{t('promotion.title')}</h3>
          <PromotionProgress promotion={design.promotion} />
        </div>
      ) : null}
      {rateable && session.status === 'signedIn' && !madeIt ? <RatingForm design={design} /> : null}
      {rateable && session.status === 'signedOut' ? (
        <p>
          <Link
            to={`/signin?next=${encodeURIComponent(location.pathname)}`}
            className="button button-ghost"
          >
            {t('ratings.signInToRate')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function RatingSummaryView({ ratings }: { ratings: RatingSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const most = Math.max(1, ...ratings.histogram);
  return (
    <div className="rating-summary">
      <p className="rating-headline">
        <RatingAverage ratings={ratings} testId="rating-average" />
        {ratings.count > 0 ? (
          <span className="muted" data-testid="rating-count">
            {' · '}
            {t('ratings.count', { count: ratings.count, n: format.integer(ratings.count) })}
            {ratings.would_buy_count > 0
              ? ` · ${t('ratings.wouldBuyCount', {
                  count: ratings.would_buy_count,
                  n: format.integer(ratings.would_buy_count),
                })}`
              : null}
          </span>
        ) : null}
      </p>
      {ratings.count > 0 ? (
        <ul className="histogram" aria-label={t('ratings.histogram')} data-testid="histogram">
          {[...STARS].reverse().map((stars) => {
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
      ) : null}
    </div>
  );
}

function RatingForm({ design }: { design: PublicDesign }) {
  const { t } = useTranslation();
  const slug = design.slug ?? '';
  const rate = useRateDesign(slug);
  const remove = useDeleteRating(slug);
  const name = useId();
  const hintId = useId();
  // Before the first stars, "I'd buy this" waits here to go out with them.
  const [pendingWouldBuy, setPendingWouldBuy] = useState(false);
  const mine = design.my_rating;
  const wouldBuy = mine ? mine.would_buy : pendingWouldBuy;
  const error = rate.error ?? remove.error;
  const busy = remove.isPending;

  const send = (stars: number, would_buy: boolean) => {
    remove.reset();
    rate.mutate({ id: design.id, input: { stars, would_buy } });
  };

  return (
    <div className="rating-form" data-testid="rating-form">
      <fieldset className="star-picker" role="radiogroup">
        <legend>{t('ratings.yourRating')}</legend>
        <div className="star-options">
          {STARS.map((stars) => (
            <label
              key={stars}
              className="star-option"
              data-filled={mine && stars <= mine.stars ? '' : undefined}
            >
              <input
                type="radio"
                name={name}
                value={stars}
                className="visually-hidden"
                checked={mine?.stars === stars}
                disabled={busy}
                onChange={() => {
                  send(stars, wouldBuy);
                }}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t('ratings.stars', { count: stars })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={wouldBuy}
          disabled={busy}
          aria-describedby={mine ? undefined : hintId}
          onChange={(event) => {
            if (mine) send(mine.stars, event.target.checked);
            else setPendingWouldBuy(event.target.checked);
          }}
        />{' '}
        {t('ratings.wouldBuy')}
      </label>
      {mine ? null : (
        <p id={hintId} className="field-hint">
          {t('ratings.pickStars')}
        </p>
      )}
      {error ? (
        <Alert tone="error">{ratingErrorMessage(error, t)}</Alert>
      ) : rate.data && !rate.data.counted && mine ? (
        <NotCountedNotice
          reason={rate.data.not_counted_because}
          minAgeDays={design.promotion?.thresholds.min_account_age_days ?? null}
        />
      ) : (
        <p className="visually-hidden" role="status">
          {rate.isSuccess && mine ? t('ratings.saved') : ''}
          {remove.isSuccess && !mine ? t('ratings.removed') : ''}
        </p>
      )}
      {mine ? (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => {
            rate.reset();
            remove.mutate(design.id);
          }}
        >
          {t('ratings.remove')}
        </button>
      ) : null}
    </div>
  );
}

/** A rating kept but not counted yet: why, and that it will count on its own. */
function NotCountedNotice({
  reason,
  minAgeDays,
}: {
  reason: NotCountedReason | null;
  minAgeDays: number | null;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" testId="not-counted">
      {reason === 'account_too_young' && minAgeDays !== null
        ? t('ratings.notCounted.accountTooYoung', { count: minAgeDays })
        : reason === 'account_too_young'
          ? t('ratings.notCounted.accountTooYoungNoDays')
          : reason === 'email_unverified'
            ? t('ratings.notCounted.emailUnverified')
            : t('ratings.notCounted.other')}
      {reason === 'email_unverified' ? (
        <>
          {' '}
          <Link to="/account">{t('ratings.notCounted.verifyLink')}</Link>
        </>
      ) : null}
    </Alert>
  );
}
