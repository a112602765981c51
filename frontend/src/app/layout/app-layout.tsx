import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useLogout } from '@/features/auth/api/logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { SiteHeader } from '@/features/shell/components/site-header';

function keepsFocus(state: unknown): boolean {
  return (
    typeof state === 'object' && state !== null && 'keepFocus' in state && state.keepFocus === true
  );
}

/** Every page: skip link, header, the page itself, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const pathname = location.pathname;
  const previousPath = useRef(pathname);
  const keepFocus = keepsFocus(location.state as unknown);

  // After a client-side navigation, start screen readers and keyboard users at the new page
  // (a full page load already starts at the top). A page that only renames itself (a new
  // design saved as a draft) navigates with `{ keepFocus: true }` and stays where the user is.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    if (keepFocus) return;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname, keepFocus]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader
        onSignOut={() => {
          logout.mutate();
        }}
        signingOut={logout.isPending}
        bell={<NotificationBell />}
      />
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            <span className="brand-name">{t('app.name')}</span> — {t('app.footer')}
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
