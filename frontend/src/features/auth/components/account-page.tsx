import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useMe } from '../api/get-me';
import { ChangePasswordForm } from './change-password-form';
import { EmailVerificationNotice } from './email-verification-notice';

/** The signed-in account's details and password change. Rendered behind a sign-in guard. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = useMe({ enabled: session.status === 'signedIn' });
  useDocumentTitle(t('accountPage.title'));

  // Until GET /me answers, the account that came with the session is just as good.
  const account = me.data ?? session.session?.account;
  if (!account) return null;

  const memberSince = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' }).format(
    new Date(account.created_at),
  );

  return (
    <section className="page page-narrow" data-testid="account-page">
      <h1>{t('accountPage.title')}</h1>
      {me.isError ? <Alert tone="error">{apiErrorMessage(me.error, t)}</Alert> : null}
      <EmailVerificationNotice account={account} />
      <div className="card">
        <h2>{t('accountPage.details')}</h2>
        <dl className="details">
          <div>
            <dt>{t('accountPage.email')}</dt>
            <dd data-testid="account-email">{account.email}</dd>
          </div>
          <div>
            <dt>{t('accountPage.displayName')}</dt>
            <dd data-testid="account-display-name">{account.display_name}</dd>
          </div>
          <div>
            <dt>{t('accountPage.roles')}</dt>
            <dd>
              <ul className="tags" data-testid="account-roles">
                {account.roles.map((role) => (
                  <li key={role} className="tag">
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('accountPage.memberSince')}</dt>
            <dd>{memberSince}</dd>
          </div>
        </dl>
      </div>
      <div className="card">
        <h2>{t('accountPage.notifications.title')}</h2>
        <p className="muted">
          {t('accountPage.notifications.lead')}{' '}
          <Link to="/notifications">{t('accountPage.notifications.link')}</Link>
        </p>
      </div>
      <div className="card">
        <h2>{t('accountPage.changePassword.title')}</h2>
        <p className="muted">{t('accountPage.changePassword.lead')}</p>
        <ChangePasswordForm email={account.email} />
      </div>
    </section>
  );
}
