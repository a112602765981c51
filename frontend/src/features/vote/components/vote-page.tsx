import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { FEED_SORTS, isFeedSort, type FeedSort } from '../types';
import { filtersFromParams, withFilters, type FeedFilters } from '../utils/filters';
import { Feed } from './feed';
import { FeedFilterPanel } from './feed-filter-panel';

/**
 * /vote: the community's published designs, hot, top or new first (`?sort=`), narrowed by the
 * filters in the address (`?template=&option=&free_of=&dietary=&creator=&q=`) so that a
 * filtered feed can be shared as a link.
 */
export function VotePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('sort');
  const sort: FeedSort = isFeedSort(requested) ? requested : 'hot';
  const filters = useMemo(() => filtersFromParams(params), [params]);
  useDocumentTitle(t('nav.vote'));

  // Typing a search replaces the entry, so Back does not step through every keystroke.
  const setFilters = (next: FeedFilters, { replace = false }: { replace?: boolean } = {}) => {
    setParams((current) => withFilters(current, next), { replace });
  };

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
                to={`?${withFilters(new URLSearchParams({ sort: option }), filters).toString()}`}
                className="sort-tab"
                aria-current={option === sort ? 'page' : undefined}
              >
                {t(`vote.sort.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="vote-layout">
        <FeedFilterPanel filters={filters} onChange={setFilters} />
        <Feed sort={sort} filters={filters} onChange={setFilters} />
      </div>
    </section>
  );
}
