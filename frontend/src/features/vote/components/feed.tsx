import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { apiErrorMessage } from '@/lib/errors';
import { useFeed } from '../api/get-feed';
import { useInfiniteScroll } from '../hooks/use-infinite-scroll';
import type { FeedSort } from '../types';
import { NO_FILTERS, activeFilterCount, type FeedFilters } from '../utils/filters';
import { FeedCard } from './feed-card';

interface FeedProps {
  sort: FeedSort;
  filters: FeedFilters;
  onChange: (next: FeedFilters) => void;
}

/**
 * The designs, a page at a time: the next page loads when the end of the list scrolls into
 * view, and a "Load more" button does the same for keyboards, screen readers and old browsers.
 */
export function Feed({ sort, filters, onChange }: FeedProps) {
  const { t } = useTranslation();
  const feed = useFeed(sort, filters);
  const canLoadMore = feed.hasNextPage && !feed.isFetchingNextPage && !feed.isError;
  const sentinel = useInfiniteScroll<HTMLDivElement>(() => {
    void feed.fetchNextPage();
  }, canLoadMore);

  if (feed.isPending) return <LoadingState label={t('vote.loading')} />;
  if (feed.isLoadingError) {
    return (
      <div className="feed-column">
        <Alert tone="error">{apiErrorMessage(feed.error, t)}</Alert>
        <p>
          <button type="button" className="button button-ghost" onClick={() => void feed.refetch()}>
            {t('vote.retry')}
          </button>
        </p>
      </div>
    );
  }
  const items = feed.data.pages.flatMap((page) => page.items);
  const filtered = activeFilterCount(filters) > 0;
  const creatorName = filters.creator
    ? items.find((item) => item.creator_id === filters.creator)?.creator_name
    : undefined;

  return (
    <div className="feed-column">
      {filters.creator ? (
        <p className="creator-filter" data-testid="creator-filter">
          <span>
            {creatorName ? t('vote.creator.named', { name: creatorName }) : t('vote.creator.one')}
          </span>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onChange({ ...filters, creator: null });
            }}
          >
            {t('vote.creator.everyone')}
          </button>
        </p>
      ) : null}
      {items.length === 0 ? (
        filtered ? (
          <div data-testid="feed-empty">
            <p className="lead">{t('vote.noMatch')}</p>
            <p>
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  onChange(NO_FILTERS);
                }}
              >
                {t('vote.filters.clear')}
              </button>
            </p>
          </div>
        ) : (
          <p className="lead" data-testid="feed-empty">
            {t('vote.empty')}
          </p>
        )
      ) : (
        <ul className="card-grid feed-grid" data-testid="feed">
          {items.map((item) => (
            <FeedCard key={item.id} item={item} />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {items.length > 0 ? t('vote.shown', { count: items.length }) : ''}
      </p>
      {feed.isFetchNextPageError ? (
        <Alert tone="error">{apiErrorMessage(feed.error, t)}</Alert>
      ) : null}
      {feed.hasNextPage ? (
        <>
          <div ref={sentinel} className="feed-sentinel" aria-hidden="true" />
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
        </>
      ) : null}
    </div>
  );
}
