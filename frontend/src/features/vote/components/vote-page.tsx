import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { apiErrorMessage } from '@/lib/errors';
import { useFeed } from '../api/get-feed';
import { FEED_SORTS, isFeedSort, type FeedSort } from '../types';
import { FeedCard } from './feed-card';

/** /vote: the community's published designs, hot, top or new first (`?sort=`). */
export function VotePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = params.get('sort');
  const sort: FeedSort = isFeedSort(requested) ? requested : 'hot';
  useDocumentTitle(t('nav.vote'));

  return (
    <section className="page" data-testid="vote-page">
      <header className="page-header">
        <h1>{t('vote.title')}</h1>
        <p className="lead">{t('vote.lead')}</p>
      </header>
      <nav aria-label={t('vote.sortLabel')} className="sort-tabs">
        <ul>
          {FEED_SORTS.map((option) => (
            <li key={option}>
              <Link
                to={`?sort=${option}`}
                className="sort-tab"
                aria-current={option === sort ? 'page' : undefined}
              >
                {t(`vote.sort.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* A fresh list per sort: the query (and its pages) is keyed by it. */}
      <Feed key={sort} sort={sort} />
    </section>
  );
}

function Feed({ sort }: { sort: FeedSort }) {
  const { t } = useTranslation();
  const feed = useFeed(sort);

  if (feed.isPending) return <LoadingState label={t('vote.loading')} />;
  if (feed.isLoadingError) {
    return (
      <>
        <Alert tone="error">{apiErrorMessage(feed.error, t)}</Alert>
        <p>
          <button type="button" className="button button-ghost" onClick={() => void feed.refetch()}>
            {t('vote.retry')}
          </button>
        </p>
      </>
    );
  }
  const items = feed.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <p className="lead" data-testid="feed-empty">
        {t('vote.empty')}
      </p>
    );
  }
  return (
    <>
      <ul className="card-grid feed-grid" data-testid="feed">
        {items.map((item) => (
          <FeedCard key={item.id} item={item} />
        ))}
      </ul>
      {feed.isError ? <Alert tone="error">{apiErrorMessage(feed.error, t)}</Alert> : null}
      {feed.hasNextPage ? (
        <p className="feed-more">
          <button
            type="button"
            className="button button-ghost"
            disabled={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            {feed.isFetchingNextPage ? t('vote.loadingMore') : t('vote.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
