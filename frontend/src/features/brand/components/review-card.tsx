import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { useFormatters } from '@/hooks/use-formatters';
import { deadlineFlag } from '@/lib/deadline';
import { apiErrorMessage } from '@/lib/errors';
import { designRefPath } from '@/types/listings';
import { useClaimReview } from '../api/claim-review';
import { useReleaseReview } from '../api/release-review';
import type { ReviewItem } from '../types';
import { DecisionForm } from './decision-form';
import { RatingBars } from './rating-bars';

/**
 * One design in the queue: its picture, makers and lineage, what the community and the kitchen
 * make of it, its deadline, who holds it; Claim / Release and the decision form. A decided one
 * shows the decision instead.
 */
export function ReviewCard({
  item,
  now,
  onDecided,
}: {
  item: ReviewItem;
  now: number;
  /** Called with a sentence saying what was decided. */
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { design } = item;
  const name = design.name;
  const path = designRefPath(design);
  const creators = [
    design.creator.display_name,
    ...design.split.co_creators.filter((c) => c.status === 'accepted').map((c) => c.display_name),
  ];
  const flag = item.decision ? null : deadlineFlag(item.due_at, now, item);
  const margin = design.feasibility?.margin ?? null;
  const remixPath = design.remix_of ? designRefPath(design.remix_of) : null;
  const revisionPath = design.revision_of ? designRefPath(design.revision_of) : null;

  return (
    <li className="card review-card" data-testid="review-item">
      {design.slug ? (
        <img
          className="review-preview"
          src={`/d/${encodeURIComponent(design.slug)}/preview.png`}
          alt={t('reviews.pictureOf', { name })}
          width={1200}
          height={630}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <div className="review-body">
        <h2 className="review-name">{path ? <Link to={path}>{name}</Link> : name}</h2>
        <p className="muted review-makers" data-testid="review-creators">
          {t('reviews.by', { names: format.list(creators) })} · {format.text(design.template_name)}
        </p>
        {design.remix_of || design.revision_of ? (
          <ul className="review-lineage" data-testid="review-lineage">
            {design.remix_of ? (
              <li>
                {t('reviews.remixOf')}{' '}
                {remixPath ? (
                  <Link to={remixPath}>{design.remix_of.name}</Link>
                ) : (
                  design.remix_of.name
                )}{' '}
                {t('designPage.by', { name: design.remix_of.creator_name })}
              </li>
            ) : null}
            {design.revision_of ? (
              <li>
                {t('reviews.revisionOf')}{' '}
                {revisionPath ? (
                  <Link to={revisionPath}>{design.revision_of.name}</Link>
                ) : (
                  design.revision_of.name
                )}
              </li>
            ) : null}
          </ul>
        ) : null}
        <div className="review-figures">
          <RatingBars ratings={design.ratings} label={t('reviews.histogram', { name })} />
          <dl className="brand-base review-facts" data-testid="review-facts">
            <div>
              <dt>{t('reviews.facts.lowerBound')}</dt>
              <dd>{format.score(design.ratings.lower_bound)}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.ratings')}</dt>
              <dd>{format.integer(design.ratings.count)}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.wouldBuy')}</dt>
              <dd>{format.integer(design.ratings.would_buy_count)}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.price')}</dt>
              <dd>{format.money(design.quote.price)}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.margin')}</dt>
              <dd className={margin && margin.amount_minor < 0 ? 'negative' : undefined}>
                {margin ? format.money(margin) : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('reviews.facts.prep')}</dt>
              <dd>{design.feasibility ? format.duration(design.feasibility.prep_seconds) : '—'}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.comments')}</dt>
              <dd>{format.integer(item.comments)}</dd>
            </div>
            <div>
              <dt>{t('reviews.facts.reports')}</dt>
              <dd className={item.open_reports > 0 ? 'negative' : undefined}>
                {format.integer(item.open_reports)}
              </dd>
            </div>
          </dl>
        </div>
        {item.decision ? (
          <DecidedView decision={item.decision} />
        ) : (
          <>
            <p className="review-due" data-testid="review-due">
              {t('reviews.dueOn', { date: format.date(item.due_at) })}{' '}
              {flag === 'overdue' ? (
                <span className="badge badge-overdue">{t('reviews.overdue')}</span>
              ) : flag === 'due_soon' ? (
                <span className="badge badge-due-soon">{t('reviews.dueSoon')}</span>
              ) : null}
            </p>
            <OpenActions item={item} now={now} onDecided={onDecided} />
          </>
        )}
      </div>
    </li>
  );
}

function DecidedView({ decision }: { decision: NonNullable<ReviewItem['decision']> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="review-decided" data-testid="review-decision">
      <p className="review-state">
        <span className={`badge badge-${decision.decision}`}>
          {t(`reviews.decision.${decision.decision}`)}
        </span>
        <span className="muted">
          {decision.decided_by
            ? t('reviews.decidedBy', {
                name: decision.decided_by.display_name,
                date: format.dateTime(decision.decided_at),
              })
            : t('reviews.decidedOn', { date: format.dateTime(decision.decided_at) })}
        </span>
      </p>
      {decision.reason ? (
        <blockquote className="review-reason">{decision.reason}</blockquote>
      ) : null}
    </div>
  );
}

/** Who holds it, Claim / Release, and the decision form. */
function OpenActions({
  item,
  now,
  onDecided,
}: {
  item: ReviewItem;
  now: number;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const claim = useClaimReview();
  const release = useReleaseReview();
  const [deciding, setDeciding] = useState(false);
  const decideButton = useRef<HTMLButtonElement>(null);
  const name = item.design.name;
  // A claim past its hour no longer holds anyone back.
  const held = item.claim && item.claim.expires_at > now ? item.claim : null;
  const takenByOther = held !== null && !held.mine;
  const failure = claim.error ?? release.error;

  return (
    <div className="review-actions">
      <p className="review-claim" data-testid="claim-state">
        {held
          ? held.mine
            ? t('reviews.claimedByYou', { time: format.time(held.expires_at) })
            : t('reviews.takenBy', {
                name: held.by.display_name,
                time: format.time(held.expires_at),
              })
          : t('reviews.unclaimed')}
      </p>
      {failure ? <Alert tone="error">{apiErrorMessage(failure, t)}</Alert> : null}
      <div className="button-row">
        {takenByOther ? null : (
          <button
            type="button"
            className="button button-ghost"
            disabled={claim.isPending}
            aria-label={
              held?.mine ? t('reviews.extendNamed', { name }) : t('reviews.claimNamed', { name })
            }
            onClick={() => {
              release.reset();
              claim.mutate(item.design.id);
            }}
          >
            {held?.mine ? t('reviews.extend') : t('reviews.claim')}
          </button>
        )}
        {held?.mine ? (
          <button
            type="button"
            className="button button-ghost"
            disabled={release.isPending}
            aria-label={t('reviews.releaseNamed', { name })}
            onClick={() => {
              claim.reset();
              release.mutate(item.design.id);
            }}
          >
            {t('reviews.release')}
          </button>
        ) : null}
        {!deciding && !takenByOther ? (
          <button
            ref={decideButton}
            type="button"
            className="button button-primary"
            aria-label={t('reviews.decideNamed', { name })}
            onClick={() => {
              setDeciding(true);
            }}
          >
            {t('reviews.decide')}
          </button>
        ) : null}
      </div>
      {takenByOther ? <p className="muted">{t('reviews.takenHint')}</p> : null}
      {deciding && !takenByOther ? (
        <DecisionForm
          item={item}
          onCancel={() => {
            setDeciding(false);
            requestAnimationFrame(() => decideButton.current?.focus());
          }}
          onDecided={onDecided}
        />
      ) : null}
    </div>
  );
}
