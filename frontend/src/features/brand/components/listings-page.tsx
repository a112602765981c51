import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { apiErrorMessage } from '@/lib/errors';
import { LISTING_STATES, type ListingState } from '@/types/listings';
import { useListings } from '../api/get-listings';
import { BrandNav } from './brand-nav';
import { ListingCard } from './listing-card';
import '../brand.css';

function isListingState(value: string | null): value is ListingState {
  return (LISTING_STATES as readonly (string | null)[]).includes(value);
}

/**
 * /brand/listings: every approved design's listing, newest first, narrowed to one state with
 * `?state=`; each with its terms, their history, the creators' answers, and what the brand can
 * do with it (pause, resume, retire, change the terms).
 */
export function ListingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('state');
  const state = isListingState(requested) ? requested : null;
  const listings = useListings(state);
  const now = useNow(60_000);
  const filterId = useId();
  useDocumentTitle(t('listings.title'));
  const items = listings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page" data-testid="listings-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('listings.title')}</h1>
        <p className="lead">{t('listings.lead')}</p>
      </header>
      <div className="field brand-filter">
        <label htmlFor={filterId}>{t('listings.filter')}</label>
        <select
          id={filterId}
          className="select"
          value={state ?? ''}
          onChange={(event) => {
            const next = event.target.value;
            setParams(next ? { state: next } : {});
          }}
        >
          <option value="">{t('listings.all')}</option>
          {LISTING_STATES.map((option) => (
            <option key={option} value={option}>
              {t(`listingState.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {listings.isPending ? (
        <LoadingState label={t('listings.loading')} />
      ) : listings.isLoadingError ? (
        <Alert tone="error">{apiErrorMessage(listings.error, t)}</Alert>
      ) : items.length === 0 ? (
        <p className="lead" data-testid="listings-empty">
          {state ? t('listings.emptyState') : t('listings.empty')}
        </p>
      ) : (
        <ul className="brand-card-list" data-testid="listings">
          {items.map((listing) => (
            <ListingCard key={listing.id} listing={listing} now={now} />
          ))}
        </ul>
      )}
      {listings.isFetchNextPageError ? (
        <Alert tone="error">{apiErrorMessage(listings.error, t)}</Alert>
      ) : null}
      {listings.hasNextPage ? (
        <p className="feed-more">
          <button
            type="button"
            className="button button-ghost"
            disabled={listings.isFetchingNextPage}
            onClick={() => void listings.fetchNextPage()}
          >
            {listings.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
