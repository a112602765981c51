import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth';
import { useRedirectTarget } from '../hooks/use-redirect-target';
import { SignUpForm } from './sign-up-form';

export function SignUpPage() {
  const { t } = useTranslation();
  const session = useSession();
  const target = useRedirectTarget();
  const navigate = useNavigate();
  useDocumentTitle(t('auth.signUp.title'));

  if (session.status === 'loading') return <LoadingState label={t('account.checking')} />;
  if (session.status === 'signedIn') return <Navigate to={target} replace />;

  const signInLink = target === '/' ? '/signin' : `/signin?next=${encodeURIComponent(target)}`;
  return (
    <section className="page page-auth" data-testid="signup-page">
      <div className="card auth-card">
        <h1>{t('auth.signUp.title')}</h1>
        <p className="muted">{t('auth.signUp.lead')}</p>
        <SignUpForm
          onSignedUp={() => {
            void navigate(target, { replace: true });
          }}
        />
        <p className="auth-switch">
          {t('auth.signUp.haveAccount')} <Link to={signInLink}>{t('auth.signUp.signIn')}</Link>
        </p>
      </div>
    </section>
  );
}
