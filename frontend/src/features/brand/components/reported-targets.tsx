import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { ReasonDialog } from '@/components/reason-dialog';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { designRefPath } from '@/types/listings';
import type { TFunction } from 'i18next';
import { useDismissReports } from '../api/dismiss-reports';
import { useReportTargets } from '../api/get-report-targets';
import { useModerateContent } from '../api/moderate-content';
import type { ReportTarget, TeamMember } from '../types';

const REASONS = ['spam', 'offensive', 'copyright', 'other'] as const;

/** A report's reason in words (a reason this app does not know is shown as sent). */
function reasonLabel(reason: string, t: TFunction): string {
  const known = REASONS.find((r) => r === reason);
  return known ? t(`report.reasons.${known}`) : reason;
}

/** The reported designs and comments, most reported first. */
export function ReportedTargets({
  onModerateAuthor,
}: {
  onModerateAuthor: (author: TeamMember) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const targets = useReportTargets();
  // Said above the list: a target whose reports are resolved leaves it.
  const [news, setNews] = useState<string | null>(null);
  return (
    <section aria-labelledby={titleId} className="section" data-testid="reported">
      <h2 id={titleId}>{t('moderation.reported.title')}</h2>
      {news ? (
        <Alert tone="success" testId="moderation-news">
          {news}
        </Alert>
      ) : null}
      {targets.isPending ? (
        <LoadingState label={t('moderation.reported.loading')} />
      ) : targets.isError ? (
        <Alert tone="error">{apiErrorMessage(targets.error, t)}</Alert>
      ) : targets.data.length === 0 ? (
        <p className="muted" data-testid="reported-empty">
          {t('moderation.reported.none')}
        </p>
      ) : (
        <ul className="brand-card-list">
          {targets.data.map((target) => (
            <TargetCard
              key={`${target.target_type}:${target.target_id}`}
              target={target}
              onModerateAuthor={onModerateAuthor}
              onStart={() => {
                setNews(null);
              }}
              onDone={setNews}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type Panel = 'hide' | 'restore' | 'dismiss' | null;

function TargetCard({
  target,
  onModerateAuthor,
  onStart,
  onDone,
}: {
  target: ReportTarget;
  onModerateAuthor: (author: TeamMember) => void;
  onStart: () => void;
  /** Called with what was done. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const moderate = useModerateContent();
  const dismiss = useDismissReports();
  const [panel, setPanel] = useState<Panel>(null);
  const path = designRefPath(target.design);
  const isDesign = target.target_type === 'design';
  const label = isDesign
    ? target.title
    : t('moderation.reported.commentOn', { name: target.design.name });
  const designLink = path ? <Link to={path}>{target.design.name}</Link> : target.design.name;

  const open = (next: Panel) => {
    moderate.reset();
    dismiss.reset();
    onStart();
    setPanel(next);
  };
  const done = (message: string) => {
    setPanel(null);
    onDone(message);
  };

  return (
    <li className="card moderation-card" data-testid="report-target">
      <p className="listing-state">
        <span className="badge badge-muted">
          {t(`moderation.reported.type.${target.target_type}`)}
        </span>
        {target.hidden ? (
          <span className="badge badge-rejected" data-testid="hidden-badge">
            {t('moderation.reported.hidden')}
          </span>
        ) : null}
      </p>
      <h3 className="moderation-title">
        {isDesign ? (
          designLink
        ) : (
          <>
            {t('moderation.reported.commentOnPrefix')} {designLink}
          </>
        )}
      </h3>
      {isDesign ? null : (
        <blockquote className="review-reason" data-testid="reported-comment">
          {target.title}
        </blockquote>
      )}
      <p className="muted" data-testid="report-summary">
        {t('moderation.reported.summary', {
          count: target.reports,
          n: format.integer(target.reports),
          reasons: format.list(target.reasons.map((reason) => reasonLabel(reason, t))),
          date: format.dateTime(target.first_at),
        })}
      </p>
      {panel === null ? (
        <div className="button-row">
          {target.hidden ? (
            <button
              type="button"
              className="button button-ghost"
              aria-label={t('moderation.reported.restoreNamed', { name: label })}
              onClick={() => {
                open('restore');
              }}
            >
              {t('moderation.reported.restore')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-ghost brand-danger-text"
              aria-label={t('moderation.reported.hideNamed', { name: label })}
              onClick={() => {
                open('hide');
              }}
            >
              {t('moderation.reported.hide')}
            </button>
          )}
          {target.reports > 0 ? (
            <button
              type="button"
              className="button button-ghost"
              aria-label={t('moderation.reported.dismissNamed', { name: label })}
              onClick={() => {
                open('dismiss');
              }}
            >
              {t('moderation.reported.dismiss')}
            </button>
          ) : null}
          {target.author ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                if (target.author) onModerateAuthor(target.author);
              }}
            >
              {t('moderation.reported.moderateAuthor', { name: target.author.display_name })}
            </button>
          ) : null}
        </div>
      ) : null}
      {panel === 'hide' || panel === 'restore' ? (
        <ReasonDialog
          title={
            panel === 'hide'
              ? t('moderation.reported.hideTitle', { name: label })
              : t('moderation.reported.restoreTitle', { name: label })
          }
          label={t('moderation.reason')}
          hint={
            panel === 'hide' ? t(`moderation.reported.hideHint.${target.target_type}`) : undefined
          }
          submitLabel={
            panel === 'hide'
              ? t('moderation.reported.hideNow')
              : t('moderation.reported.restoreNow')
          }
          busyLabel={t('moderation.sending')}
          danger={panel === 'hide'}
          busy={moderate.isPending}
          error={moderate.isError ? apiErrorMessage(moderate.error, t) : null}
          onSubmit={(reason) => {
            moderate.mutate(
              { targetType: target.target_type, targetId: target.target_id, action: panel, reason },
              {
                onSuccess: () => {
                  done(
                    panel === 'hide'
                      ? t('moderation.reported.hiddenNews', { name: label })
                      : t('moderation.reported.restoredNews', { name: label }),
                  );
                },
              },
            );
          }}
          onCancel={() => {
            setPanel(null);
          }}
          testId="moderation-dialog"
        />
      ) : null}
      {panel === 'dismiss' ? (
        <ReasonDialog
          title={t('moderation.reported.dismissTitle', { name: label })}
          label={t('moderation.reason')}
          submitLabel={t('moderation.reported.dismissNow')}
          busyLabel={t('moderation.sending')}
          busy={dismiss.isPending}
          error={dismiss.isError ? apiErrorMessage(dismiss.error, t) : null}
          onSubmit={(reason) => {
            dismiss.mutate(
              { target_type: target.target_type, target_id: target.target_id, reason },
              {
                onSuccess: () => {
                  done(t('moderation.reported.dismissedNews', { name: label }));
                },
              },
            );
          }}
          onCancel={() => {
            setPanel(null);
          }}
          testId="moderation-dialog"
        />
      ) : null}
    </li>
  );
}
