import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { hasBrandRole, useSession } from '@/lib/auth';
import { AccountMenu, SignedOutLinks } from './account-menu';
import { LanguageSwitch } from './language-switch';

const NAV_ITEMS = [
  { to: '/design', key: 'nav.design', brandOnly: false },
  { to: '/vote', key: 'nav.vote', brandOnly: false },
  { to: '/menu', key: 'nav.menu', brandOnly: false },
  { to: '/brand', key: 'nav.brand', brandOnly: true },
  { to: '/earnings', key: 'nav.earnings', brandOnly: false },
] as const;

interface SiteHeaderProps {
  onSignOut: () => void;
  signingOut: boolean;
  /**
   * The notification bell, given by the app layer (it belongs to another feature). It stays
   * beside the Menu button on a phone, so the unread count is always in sight.
   */
  bell?: ReactNode;
}

/** Brand, main navigation, language and account. On a phone it folds behind a Menu button. */
export function SiteHeader({ onSignOut, signingOut, bell }: SiteHeaderProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = () => {
    setMenuOpen(false);
  };
  const account = session.session?.account;

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) setMenuOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [menuOpen]);
  const items = NAV_ITEMS.filter((item) => !item.brandOnly || hasBrandRole(account));

  return (
    <header className="site-header">
      <div className="container header-bar">
        <Link to="/" className="brand" aria-label={t('app.homeLink')} onClick={closeMenu}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          data-testid="menu-toggle"
          onClick={() => {
            setMenuOpen((open) => !open);
          }}
        >
          <span
            className={menuOpen ? 'menu-icon menu-icon-open' : 'menu-icon'}
            aria-hidden="true"
          />
          <span>{menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}</span>
        </button>
        <div id="site-menu" className="site-menu" data-open={menuOpen}>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} onClick={closeMenu} data-testid={`nav-${item.to.slice(1)}`}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            {session.status === 'loading' ? (
              <span className="account-pending" aria-hidden="true" data-testid="account-pending" />
            ) : session.status === 'signedIn' ? (
              <AccountMenu
                account={session.session.account}
                onSignOut={onSignOut}
                signingOut={signingOut}
                onNavigate={closeMenu}
              />
            ) : (
              <SignedOutLinks onNavigate={closeMenu} />
            )}
          </div>
        </div>
        {bell ? <div className="header-bell">{bell}</div> : null}
      </div>
    </header>
  );
}
