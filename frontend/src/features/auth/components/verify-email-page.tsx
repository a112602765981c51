import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { useVerifyEmail } from '../api/verify-email';
import { isInvalidToken } from '../utils/tokens';
import { ResendVerificationButton } from './resend-verification-button';

/** /verify-email?token=…: the link of the verification email. Sends the token once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const verify = useVerifyEmail();
  const sent = useRef(false);
  const { mutate } = verify;
  useDocumentTitle(t('verifyEmail.title'));

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  const invalid = !token || (verify.isError && isInvalidToken(verify.error));
  return (
    <section className="page page-narrow" data-testid="verify-email-page">
      <h1>{t('verifyEmail.title')}</h1>
      {verify.isSuccess ? (
        <>
          <Alert tone="success" testId="email-verified">
            {t('verifyEmail.done')}
          </Alert>
          <p>
            <Link
              to={session.status === 'signedIn' ? '/vote' : '/signin'}
              className="button button-primary"
            >
              {session.status === 'signedIn' ? t('verifyEmail.goVote') : t('account.signIn')}
            </Link>
          </p>
        </>
      ) : invalid ? (
        <>
          <Alert tone="error" testId="invalid-token">
            {t('verifyEmail.invalid')}
          </Alert>
          {session.status === 'signedIn' ? (
            <ResendVerificationButton email={session.session.account.email} />
          ) : session.status === 'signedOut' ? (
            <p>
              <Link
                to={`/signin?next=${encodeURIComponent('/account')}`}
                className="button button-ghost"
              >
                {t('verifyEmail.signInToResend')}
              </Link>
            </p>
          ) : null}
        </>
      ) : verify.isError ? (
        <>
          <Alert tone="error">{apiErrorMessage(verify.error, t)}</Alert>
          <p>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                mutate(token);
              }}
            >
              {t('verifyEmail.retry')}
            </button>
          </p>
        </>
      ) : (
        <LoadingState label={t('verifyEmail.checking')} />
      )}
    </section>
  );
}
