import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { apiErrorMessage } from '@/lib/errors';
import { useReviews } from '../api/get-reviews';
import type { ReviewQueueState } from '../types';
import { BrandNav } from './brand-nav';
import { ReviewCard } from './review-card';
import '../brand.css';

const TABS: readonly ReviewQueueState[] = ['open', 'decided'];

/**
 * /brand/reviews: the designs that reached the brand, oldest first, each with what the
 * community and the kitchen make of it, its deadline, who holds it, and the decision form;
 * `?state=decided` lists the decisions, newest first.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const state: ReviewQueueState = params.get('state') === 'decided' ? 'decided' : 'open';
  const reviews = useReviews(state);
  // Claims last an hour and deadlines come closer: keep the flags current.
  const now = useNow(30_000);
  const [decided, setDecided] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('reviews.title'));
  const items = reviews.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page" data-testid="reviews-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('reviews.title')}</h1>
        <p className="lead">{t('reviews.lead')}</p>
      </header>
      <nav aria-label={t('reviews.tabs')} className="sort-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab}>
              <Link
                to={tab === 'open' ? pathname : `${pathname}?state=decided`}
                className="sort-tab"
                aria-current={tab === state ? 'page' : undefined}
                onClick={() => {
                  setDecided(null);
                }}
              >
                {t(`reviews.tab.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div ref={statusRef} tabIndex={-1} className="brand-page-status">
        {decided ? (
          <Alert tone="success" testId="decision-saved">
            {decided}
          </Alert>
        ) : null}
      </div>
      {reviews.isPending ? (
        <LoadingState label={t('reviews.loading')} />
      ) : reviews.isLoadingError ? (
        <Alert tone="error">{apiErrorMessage(reviews.error, t)}</Alert>
      ) : items.length === 0 ? (
        <p className="lead" data-testid="reviews-empty">
          {t(`reviews.empty.${state}`)}
        </p>
      ) : (
        <ul className="review-list" data-testid="review-list">
          {items.map((item) => (
            <ReviewCard
              key={item.design.id}
              item={item}
              now={now}
              onDecided={(message) => {
                setDecided(message);
                // The card goes away with its form: land on the news instead.
                requestAnimationFrame(() => statusRef.current?.focus());
              }}
            />
          ))}
        </ul>
      )}
      {reviews.isFetchNextPageError ? (
        <Alert tone="error">{apiErrorMessage(reviews.error, t)}</Alert>
      ) : null}
      {reviews.hasNextPage ? (
        <p className="feed-more">
          <button
            type="button"
            className="button button-ghost"
            disabled={reviews.isFetchingNextPage}
            onClick={() => void reviews.fetchNextPage()}
          >
            {reviews.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
