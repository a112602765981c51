import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { ListingStateBadge } from '@/components/listing-state-badge';
import { ReasonDialog } from '@/components/reason-dialog';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import { itemName, royaltyInWords } from '@/lib/terms';
import type { Terms } from '@/types/listings';
import type { TFunction } from 'i18next';
import { useAcceptOffer } from '../api/accept-offer';
import { useDeclineOffer } from '../api/decline-offer';
import type { Listing, PublicDesign } from '../types';

/** Words for a refused answer: the offer or its terms moved on while the creator read them. */
function answerErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'terms_changed') return t('listing.termsChanged');
    if (error.code === 'offer_closed') return t('listing.offerClosed');
  }
  return apiErrorMessage(error, t);
}

/**
 * The design's place on the menu: its state, price and first day for everyone; for its
 * creators, the royalty in plain words, their share, who has accepted, and (while the brand's
 * offer waits for them) Accept or Decline.
 */
export function ListingPanel({
  design,
  accountId,
}: {
  design: PublicDesign;
  accountId: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const listing = design.listing;
  if (!listing) return null;
  const item = itemName(format.text(design.template_name), format.language);
  const price = format.money(listing.price);
  const date = format.date(listing.starts_at);

  return (
    <section
      aria-labelledby={titleId}
      className="design-section listing-panel"
      data-testid="listing"
    >
      <h2 id={titleId}>{t('listing.title')}</h2>
      <p className="listing-state">
        <ListingStateBadge state={listing.state} />{' '}
        <span data-testid="listing-summary">
          {t(`listing.summary.${listing.state}`, { date, price })}
        </span>
      </p>
      {listing.reason ? (
        <p className="listing-reason" data-testid="listing-reason">
          {t('listing.reason', { reason: listing.reason })}
        </p>
      ) : null}
      {listing.terms ? (
        <CreatorTerms
          design={design}
          listing={listing}
          terms={listing.terms}
          item={item}
          accountId={accountId}
        />
      ) : null}
    </section>
  );
}

function CreatorTerms({
  design,
  listing,
  terms,
  item,
  accountId,
}: {
  design: PublicDesign;
  listing: Listing;
  terms: Terms;
  item: string;
  accountId: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const share = myShare(design, listing, accountId);
  const mine = listing.acceptances?.find((a) => a.account_id === accountId);
  return (
    <div className="listing-terms" data-testid="listing-terms">
      <h3>{t('listing.royalties')}</h3>
      <p className="listing-royalty" data-testid="royalty-words">
        {t('listing.royaltyLine', {
          royalty: royaltyInWords(terms, t, format.language, item),
          price: format.money(terms.price),
        })}
      </p>
      {share !== null ? (
        <p data-testid="my-share">{t('listing.yourShare', { share: format.share(share) })}</p>
      ) : null}
      {listing.upcoming_terms.length > 0 ? (
        <>
          <h4>{t('listing.upcoming')}</h4>
          <ul className="listing-upcoming" data-testid="upcoming-terms">
            {listing.upcoming_terms.map((next) => (
              <li key={next.id}>
                {t('listing.fromDate', {
                  date: format.dateTime(next.effective_from),
                  price: format.money(next.price),
                  royalty: royaltyInWords(next, t, format.language, item),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {listing.acceptances && listing.acceptances.length > 0 ? (
        <>
          <h4>{t('listing.acceptances')}</h4>
          <ul className="listing-acceptances" data-testid="acceptances">
            {listing.acceptances.map((acceptance) => (
              <li key={acceptance.account_id}>
                <span>
                  {t('listing.acceptanceName', {
                    name: acceptance.display_name,
                    share: format.share(acceptance.share_bps),
                  })}
                </span>{' '}
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
        </>
      ) : null}
      <p role="status" data-testid="my-acceptance">
        {mine && mine.accepted_at !== null
          ? t('listing.youAccepted', { date: format.dateTime(mine.accepted_at) })
          : ''}
      </p>
      {listing.my_acceptance_needed ? <OfferAnswer design={design} terms={terms} /> : null}
    </div>
  );
}

/** The viewer's share of the royalties: as recorded when they accepted, else the design's split. */
function myShare(design: PublicDesign, listing: Listing, accountId: string | undefined) {
  if (!accountId) return null;
  const accepted = listing.acceptances?.find((a) => a.account_id === accountId);
  if (accepted) return accepted.share_bps;
  if (design.creator.id === accountId) return design.split.creator_share_bps;
  const coCreator = design.split.co_creators.find(
    (c) => c.account_id === accountId && c.status === 'accepted',
  );
  return coCreator ? coCreator.share_bps : null;
}

function OfferAnswer({ design, terms }: { design: PublicDesign; terms: Terms }) {
  const { t } = useTranslation();
  const slug = design.slug ?? '';
  const accept = useAcceptOffer(slug);
  const decline = useDeclineOffer(slug);
  const [declining, setDeclining] = useState(false);
  const declineButton = useRef<HTMLButtonElement>(null);
  const failure = accept.error ?? null;

  return (
    <div className="offer-answer" data-testid="offer-answer">
      <p className="offer-question">{t('listing.question')}</p>
      {failure ? (
        <Alert tone="error" testId="offer-error">
          {answerErrorMessage(failure, t)}
        </Alert>
      ) : null}
      {declining ? null : (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={accept.isPending}
            onClick={() => {
              decline.reset();
              // The terms the creator is reading: the server refuses if they changed since.
              accept.mutate({ designId: design.id, termsId: terms.id });
            }}
          >
            {accept.isPending ? t('listing.accepting') : t('listing.accept')}
          </button>
          <button
            ref={declineButton}
            type="button"
            className="button button-ghost"
            disabled={accept.isPending}
            onClick={() => {
              accept.reset();
              setDeclining(true);
            }}
          >
            {t('listing.decline')}
          </button>
        </div>
      )}
      {declining ? (
        <ReasonDialog
          title={t('listing.declineTitle')}
          label={t('listing.declineReason')}
          hint={t('listing.declineHint')}
          maxLength={2000}
          submitLabel={t('listing.declineNow')}
          busyLabel={t('listing.declining')}
          danger
          busy={decline.isPending}
          error={decline.isError ? answerErrorMessage(decline.error, t) : null}
          onSubmit={(reason) => {
            decline.mutate(
              { designId: design.id, reason },
              {
                onSuccess: () => {
                  setDeclining(false);
                },
              },
            );
          }}
          onCancel={() => {
            setDeclining(false);
            decline.reset();
            requestAnimationFrame(() => declineButton.current?.focus());
          }}
          testId="decline-dialog"
        />
      ) : null}
    </div>
  );
}
