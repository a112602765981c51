import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth';
import { useRedirectTarget } from '../hooks/use-redirect-target';
import { SignInForm } from './sign-in-form';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const target = useRedirectTarget();
  const navigate = useNavigate();
  const location = useLocation();
  // Sent here by the reset-password page once the new password is in place.
  const afterReset =
    typeof location.state === 'object' &&
    location.state !== null &&
    'passwordReset' in location.state;
  useDocumentTitle(t('auth.signIn.title'));

  if (session.status === 'loading') return <LoadingState label={t('account.checking')} />;
  if (session.status === 'signedIn') return <Navigate to={target} replace />;

  const signUpLink = target === '/' ? '/signup' : `/signup?next=${encodeURIComponent(target)}`;
  return (
    <section className="page page-auth" data-testid="signin-page">
      <div className="card auth-card">
        <h1>{t('auth.signIn.title')}</h1>
        {afterReset ? (
          <Alert tone="success" testId="password-reset-done">
            {t('resetPassword.done')}
          </Alert>
        ) : (
          <p className="muted">{t('auth.signIn.lead')}</p>
        )}
        <SignInForm
          onSignedIn={() => {
            void navigate(target, { replace: true });
          }}
        />
        <p className="auth-switch">
          {t('auth.signIn.noAccount')} <Link to={signUpLink}>{t('auth.signIn.createAccount')}</Link>
        </p>
      </div>
    </section>
  );
}
