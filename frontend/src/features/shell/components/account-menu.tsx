import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isAdmin } from '@/lib/auth';
import type { Account } from '@/types/api';

interface AccountMenuProps {
  account: Account;
  onSignOut: () => void;
  signingOut: boolean;
  /** Called when the user picks an entry, so a surrounding mobile menu can close too. */
  onNavigate: () => void;
}

/** The first character as a reader sees it (an accented letter or an emoji stays whole). */
function firstLetter(name: string): string {
  const first = new Intl.Segmenter().segment(name.trim())[Symbol.iterator]().next();
  return first.done ? '?' : first.value.segment.toLocaleUpperCase();
}

/** The signed-in user's name, opening a small disclosure with Account and Sign out. */
export function AccountMenu({ account, onSignOut, signingOut, onNavigate }: AccountMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  // Escape closes this menu only (not the mobile menu around it) and returns to its button.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const initial = firstLetter(account.display_name);
  return (
    <div className="account-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        title={t('account.menuLabel', { name: account.display_name })}
        data-testid="account-menu-button"
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="account-name" data-testid="account-display-name-header">
          {account.display_name}
        </span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="account-panel" hidden={!open}>
        <p className="account-email">{account.email}</p>
        <ul>
          <li>
            <Link
              to="/account"
              data-testid="account-link"
              onClick={() => {
                setOpen(false);
                onNavigate();
              }}
            >
              {t('account.account')}
            </Link>
          </li>
          {isAdmin(account) ? (
            <>
              <li>
                <Link
                  to="/admin/mail"
                  data-testid="admin-mail-link"
                  onClick={() => {
                    setOpen(false);
                    onNavigate();
                  }}
                >
                  {t('account.mail')}
                </Link>
              </li>
              <li>
                <Link
                  to="/admin/audit"
                  data-testid="admin-audit-link"
                  onClick={() => {
                    setOpen(false);
                    onNavigate();
                  }}
                >
                  {t('account.audit')}
                </Link>
              </li>
            </>
          ) : null}
          <li>
            <button
              type="button"
              data-testid="sign-out"
              disabled={signingOut}
              onClick={() => {
                setOpen(false);
                onNavigate();
                onSignOut();
              }}
            >
              {signingOut ? t('account.signingOut') : t('account.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** Pages not worth coming back to after signing in (their one-time links are spent). */
const AUTH_PAGES = ['/signin', '/signup', '/forgot-password', '/reset-password', '/verify-email'];

/** Sign in / Sign up for visitors; the sign-in link brings them back to this page. */
export function SignedOutLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const onAuthPage = AUTH_PAGES.includes(location.pathname);
  const next = here === '/' || onAuthPage ? '' : `?next=${encodeURIComponent(here)}`;
  return (
    <div className="signed-out-links">
      <Link
        to={`/signin${next}`}
        className="button button-ghost"
        data-testid="signin-link"
        onClick={onNavigate}
      >
        {t('account.signIn')}
      </Link>
      <Link
        to={`/signup${next}`}
        className="button button-primary"
        data-testid="signup-link"
        onClick={onNavigate}
      >
        {t('account.signUp')}
      </Link>
    </div>
  );
}
