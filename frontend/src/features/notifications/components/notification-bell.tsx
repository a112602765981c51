import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '@/lib/auth';
import { useUnreadCount } from '../api/get-unread-count';

/** A bell for the site header, with how many notifications are unread; signed in only. */
export function NotificationBell({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const unread = useUnreadCount();
  if (session.status !== 'signedIn') return null;
  const count = unread.data ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="bell"
      data-testid="notification-bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      onClick={onNavigate}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 ? (
        <span className="bell-count" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
