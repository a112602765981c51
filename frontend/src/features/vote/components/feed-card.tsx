import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RatingAverage } from '@/components/rating-average';
import { useFormatters } from '@/hooks/use-formatters';
import type { FeedItem } from '../types';

/** One design of the feed; the whole card opens its page through the name's link. */
export function FeedCard({ item }: { item: FeedItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li className="card feed-card" data-testid="feed-card">
      <img
        className="feed-preview"
        src={item.preview_url}
        alt={item.name}
        width={1200}
        height={630}
        loading="lazy"
        decoding="async"
      />
      <div className="feed-body">
        <h2 className="feed-name">
          <Link to={`/d/${encodeURIComponent(item.slug)}`} className="card-link">
            {item.name}
          </Link>
        </h2>
        <p className="muted feed-creator">{t('vote.by', { name: item.creator_name })}</p>
        {item.status !== 'published' ? (
          <p className="feed-status">
            <span
              className={`badge badge-${item.status}`}
              data-testid={item.status === 'shortlisted' ? 'shortlisted-badge' : 'status-badge'}
            >
              {t(`designStatus.${item.status}`)}
            </span>
          </p>
        ) : null}
        <p className="feed-meta">
          <span className="feed-price">{format.money(item.price)}</span>
          <RatingAverage ratings={item.ratings} className="feed-rating" />
        </p>
      </div>
    </li>
  );
}
