import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { ListingStateBadge } from '@/components/listing-state-badge';
import { ReasonDialog } from '@/components/reason-dialog';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { itemName, royaltyInWords } from '@/lib/terms';
import { designRefPath } from '@/types/listings';
import { useMoveListing } from '../api/move-listing';
import type { BrandListing } from '../types';
import { TermsChangeForm } from './terms-change-form';

type Panel = 'pause' | 'retire' | 'terms' | null;

/** One listing: its state and dates, its terms and their history, the creators' answers, actions. */
export function ListingCard({ listing, now }: { listing: BrandListing; now: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [panel, setPanel] = useState<Panel>(null);
  const [news, setNews] = useState<string | null>(null);
  const pause = useMoveListing('pause');
  const resume = useMoveListing('resume');
  const retire = useMoveListing('retire');
  const actionsRef = useRef<HTMLDivElement>(null);
  const name = listing.design.name;
  const path = designRefPath(listing.design);
  const template = format.text(listing.template_name);
  const item = itemName(template, format.language);
  const { state } = listing;
  const canPause = state === 'live' || state === 'scheduled';
  const canResume = state === 'paused';
  const canRetire = state !== 'declined' && state !== 'retired';
  const canChangeTerms = canRetire;
  const failure = resume.error;

  const close = (message: string | null = null) => {
    setPanel(null);
    setNews(message);
    // Back to the actions, where the next step starts.
    requestAnimationFrame(() => actionsRef.current?.focus());
  };
  const open = (next: Panel) => {
    pause.reset();
    retire.reset();
    resume.reset();
    setNews(null);
    setPanel(next);
  };

  return (
    <li className="card listing-card" data-testid="listing-item">
      <div className="listing-head">
        <h2 className="review-name">{path ? <Link to={path}>{name}</Link> : name}</h2>
        <p className="listing-state">
          <ListingStateBadge state={state} />
          <span className="muted">{template}</span>
        </p>
      </div>
      <dl className="brand-base listing-facts">
        <div>
          <dt>{t('listings.startsAt')}</dt>
          <dd>{format.date(listing.starts_at)}</dd>
        </div>
        <div>
          <dt>{t('listings.price')}</dt>
          <dd>{format.money(listing.terms.price)}</dd>
        </div>
        <div>
          <dt>{t('listings.royalty')}</dt>
          <dd data-testid="listing-royalty">
            {royaltyInWords(listing.terms, t, format.language, item)}
          </dd>
        </div>
        <div>
          <dt>{t('listings.createdAt')}</dt>
          <dd>{format.date(listing.created_at)}</dd>
        </div>
      </dl>
      {listing.reason ? (
        <p className="listing-reason" data-testid="listing-reason">
          {t('listing.reason', { reason: listing.reason })}
        </p>
      ) : null}
      <details className="listing-history">
        <summary>{t('listings.history', { count: listing.history.length })}</summary>
        <ol data-testid="terms-history">
          {listing.history.map((terms) => (
            <li key={terms.id}>
              {t('listing.fromDate', {
                date: format.dateTime(terms.effective_from),
                price: format.money(terms.price),
                royalty: royaltyInWords(terms, t, format.language, item),
              })}{' '}
              {terms.id === listing.terms.id ? (
                <span className="badge badge-listing-live">{t('listings.inForce')}</span>
              ) : terms.effective_from > now ? (
                <span className="badge badge-listing-offered">{t('listings.upcoming')}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
      {listing.acceptances.length > 0 ? (
        <div className="listing-acceptances-block">
          <h3>{t('listing.acceptances')}</h3>
          <ul className="listing-acceptances" data-testid="listing-acceptances">
            {listing.acceptances.map((acceptance) => (
              <li key={acceptance.account_id}>
                {t('listing.acceptanceName', {
                  name: acceptance.display_name,
                  share: format.share(acceptance.share_bps),
                })}{' '}
                {acceptance.accepted_at !== null ? (
                  <span className="badge badge-accepted">
                    {t('listing.acceptedOn', { date: format.date(acceptance.accepted_at) })}
                  </span>
                ) : (
                  <span className="badge badge-invited">{t('listing.waiting')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {news ? (
        <Alert tone="success" testId="listing-news">
          {news}
        </Alert>
      ) : null}
      {failure ? <Alert tone="error">{apiErrorMessage(failure, t)}</Alert> : null}
      {panel === null && (canPause || canResume || canRetire || canChangeTerms) ? (
        <div ref={actionsRef} tabIndex={-1} className="button-row listing-actions">
          {canChangeTerms ? (
            <button
              type="button"
              className="button button-ghost"
              aria-label={t('listings.changeTermsNamed', { name })}
              onClick={() => {
                open('terms');
              }}
            >
              {t('listings.changeTerms')}
            </button>
          ) : null}
          {canPause ? (
            <button
              type="button"
              className="button button-ghost"
              aria-label={t('listings.pauseNamed', { name })}
              onClick={() => {
                open('pause');
              }}
            >
              {t('listings.pause')}
            </button>
          ) : null}
          {canResume ? (
            <button
              type="button"
              className="button button-primary"
              disabled={resume.isPending}
              aria-label={t('listings.resumeNamed', { name })}
              onClick={() => {
                open(null);
                resume.mutate(
                  { id: listing.id },
                  {
                    onSuccess: () => {
                      setNews(t('listings.resumed', { name }));
                    },
                  },
                );
              }}
            >
              {resume.isPending ? t('listings.resuming') : t('listings.resume')}
            </button>
          ) : null}
          {canRetire ? (
            <button
              type="button"
              className="button button-ghost brand-danger-text"
              aria-label={t('listings.retireNamed', { name })}
              onClick={() => {
                open('retire');
              }}
            >
              {t('listings.retire')}
            </button>
          ) : null}
        </div>
      ) : null}
      {panel === 'pause' ? (
        <ReasonDialog
          title={t('listings.pauseTitle', { name })}
          label={t('listings.reasonLabel')}
          submitLabel={t('listings.pauseNow')}
          busyLabel={t('listings.pausing')}
          busy={pause.isPending}
          error={pause.isError ? apiErrorMessage(pause.error, t) : null}
          onSubmit={(reason) => {
            pause.mutate(
              { id: listing.id, reason },
              {
                onSuccess: () => {
                  close(t('listings.paused', { name }));
                },
              },
            );
          }}
          onCancel={() => {
            close();
          }}
          testId="pause-dialog"
        />
      ) : null}
      {panel === 'retire' ? (
        <ReasonDialog
          title={t('listings.retireTitle', { name })}
          label={t('listings.reasonLabel')}
          hint={t('listings.retireHint')}
          submitLabel={t('listings.retireNow')}
          busyLabel={t('listings.retiring')}
          danger
          busy={retire.isPending}
          error={retire.isError ? apiErrorMessage(retire.error, t) : null}
          onSubmit={(reason) => {
            retire.mutate(
              { id: listing.id, reason },
              {
                onSuccess: () => {
                  close(t('listings.retired', { name }));
                },
              },
            );
          }}
          onCancel={() => {
            close();
          }}
          testId="retire-dialog"
        />
      ) : null}
      {panel === 'terms' ? (
        <TermsChangeForm
          listing={listing}
          item={item}
          onDone={(message) => {
            close(message);
          }}
        />
      ) : null}
    </li>
  );
}
