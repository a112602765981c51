import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useLogout } from '@/features/auth/api/logout';
import { SiteHeader } from '@/features/shell/components/site-header';

/** Every page: skip link, header, the page itself, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  // After a client-side navigation, start screen readers and keyboard users at the new page
  // (a full page load already starts at the top).
  useEffect(() => {
    if (firstPath.current === pathname) return;
    firstPath.current = '';
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

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
