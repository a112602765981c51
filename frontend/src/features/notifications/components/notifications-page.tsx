import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useNotifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';
import type { NotificationItem } from '../types';
import { EmailPreferences } from './email-preferences';

/**
 * /notifications: what happened to the account's designs, newest first. Opening the page marks
 * them all read (the ones that were new keep a "New" mark for this visit).
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const marked = useRef(false);
  useDocumentTitle(t('notifications.title'));

  const loaded = notifications.isSuccess;
  const { mutate } = markRead;
  useEffect(() => {
    // Once the list is here, so that what was new is still shown as new.
    if (!loaded || marked.current) return;
    marked.current = true;
    mutate({ all: true });
  }, [loaded, mutate]);

  return (
    <section className="page page-narrow" data-testid="notifications-page">
      <h1>{t('notifications.title')}</h1>
      {notifications.isPending ? (
        <LoadingState label={t('notifications.loading')} />
      ) : notifications.isLoadingError ? (
        <Alert tone="error">{apiErrorMessage(notifications.error, t)}</Alert>
      ) : (
        <NotificationList
          items={notifications.data.pages.flatMap((page) => page.items)}
          hasMore={notifications.hasNextPage}
          loadingMore={notifications.isFetchingNextPage}
          onLoadMore={() => void notifications.fetchNextPage()}
        />
      )}
      {notifications.isFetchNextPageError ? (
        <Alert tone="error">{apiErrorMessage(notifications.error, t)}</Alert>
      ) : null}
      <EmailPreferences />
    </section>
  );
}

function NotificationList({
  items,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  items: NotificationItem[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <p className="lead" data-testid="no-notifications">
        {t('notifications.none')}
      </p>
    );
  }
  return (
    <>
      <ul className="notification-list" data-testid="notifications">
        {items.map((item) => (
          <NotificationRow key={item.id} item={item} />
        ))}
      </ul>
      {hasMore ? (
        <p>
          <button
            type="button"
            className="button button-ghost"
            disabled={loadingMore}
            onClick={onLoadMore}
          >
            {loadingMore ? t('notifications.loadingMore') : t('notifications.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function NotificationRow({ item }: { item: NotificationItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unread = item.read_at === null;
  const text = notificationText(item, t, format.integer);
  return (
    <li className="notification" data-unread={unread ? '' : undefined} data-testid="notification">
      {item.design.slug ? (
        <Link to={`/d/${encodeURIComponent(item.design.slug)}`} className="notification-link">
          {text}
        </Link>
      ) : (
        <span className="notification-link">{text}</span>
      )}
      <span className="notification-meta muted">
        {unread ? <span className="badge badge-new">{t('notifications.new')}</span> : null}{' '}
        <time dateTime={new Date(item.created_at).toISOString()}>
          {format.dateTime(item.created_at)}
        </time>
      </span>
    </li>
  );
}

/** One notification in words: "Your design Smoky Ada reached 10 ratings". */
function notificationText(
  item: NotificationItem,
  t: TFunction,
  integer: (value: number) => string,
): string {
  const name = item.design.name;
  const actor = item.actor_name ?? t('notifications.someone');
  switch (item.kind) {
    case 'rating_milestone':
      return item.count === null
        ? t('notifications.kinds.rating_milestone_unknown', { name })
        : t('notifications.kinds.rating_milestone', {
            name,
            count: item.count,
            n: integer(item.count),
          });
    case 'comment':
      return t('notifications.kinds.comment', { name, actor });
    case 'reply':
      return t('notifications.kinds.reply', { name, actor });
    case 'remix':
      return t('notifications.kinds.remix', { name, actor });
    case 'shortlisted':
      return t('notifications.kinds.shortlisted', { name });
    case 'approved':
      return t('notifications.kinds.approved', { name });
    case 'changes_requested':
      return t('notifications.kinds.changes_requested', { name });
    case 'rejected':
      return t('notifications.kinds.rejected', { name });
    case 'listed':
      return t('notifications.kinds.listed', { name });
    case 'terms_changed':
      return t('notifications.kinds.terms_changed', { name });
    case 'hidden':
      return t('notifications.kinds.hidden', { name });
  }
}
