import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useNow } from '@/hooks/use-now';
import { deadlineFlag } from '@/lib/deadline';
import { apiErrorMessage } from '@/lib/errors';
import { useCreateRevision } from '../api/create-revision';
import type { PublicDesign } from '../types';
import { editDesignPath } from '../utils/paths';

/**
 * The brand's review, in public: while it waits, the date the brand promised an answer by
 * (and that it is late, if it is); once decided, the decision, its written reason, who decided
 * and when. The creator of a design the brand asked changes of can start a new version here.
 */
export function ReviewPanel({ design, isOwner }: { design: PublicDesign; isOwner: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const now = useNow(60_000);
  const navigate = useNavigate();
  const revision = useCreateRevision();
  const review = design.review;
  if (!review) return null;

  const waiting = review.state === 'waiting' || review.state === 'in_review';
  const late =
    waiting && deadlineFlag(review.due_at, now, { overdue: review.overdue }) === 'overdue';
  const canRevise = isOwner && design.status === 'changes_requested' && design.revised_by === null;

  return (
    <section aria-labelledby={titleId} className="design-section review-panel" data-testid="review">
      <h2 id={titleId}>{t('review.title')}</h2>
      <p className="review-state">
        <span className={`badge badge-review-${review.state}`} data-testid="review-state">
          {t(`review.state.${review.state}`)}
        </span>
        {late ? (
          <span className="badge badge-overdue" data-testid="review-overdue">
            {t('review.overdue')}
          </span>
        ) : null}
      </p>
      {waiting ? (
        <p data-testid="review-deadline">
          {t('review.answersBy', { date: format.date(review.due_at) })}
          {late ? ` ${t('review.lateBody')}` : ''}
        </p>
      ) : null}
      {review.decided_at !== null ? (
        <>
          {review.reason ? (
            <blockquote className="review-reason" data-testid="review-reason">
              {review.reason}
            </blockquote>
          ) : null}
          <p className="muted" data-testid="review-decided">
            {review.decided_by
              ? t('review.decidedBy', {
                  name: review.decided_by.display_name,
                  date: format.date(review.decided_at),
                })
              : t('review.decidedOn', { date: format.date(review.decided_at) })}
          </p>
        </>
      ) : null}
      {canRevise ? (
        <div className="review-revise">
          <p>{t('review.reviseLead')}</p>
          {revision.isError ? (
            <Alert tone="error">{apiErrorMessage(revision.error, t)}</Alert>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={revision.isPending}
            onClick={() => {
              revision.mutate(design.id, {
                onSuccess: (draft) => void navigate(editDesignPath(draft.id)),
              });
            }}
          >
            {revision.isPending ? t('review.revising') : t('review.revise')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
