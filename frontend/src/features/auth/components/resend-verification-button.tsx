import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { apiErrorMessage } from '@/lib/errors';
import { useResendVerification } from '../api/resend-verification';

/** "Send the link again", then where it went (or why it could not go). */
export function ResendVerificationButton({ email }: { email: string | undefined }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <div className="resend-verification">
      {resend.isSuccess ? (
        <Alert tone="success" testId="verification-sent">
          {email ? t('verifyEmail.sentTo', { email }) : t('verifyEmail.sent')}
        </Alert>
      ) : (
        <button
          type="button"
          className="button button-ghost"
          disabled={resend.isPending}
          onClick={() => {
            resend.mutate();
          }}
        >
          {resend.isPending ? t('verifyEmail.sending') : t('verifyEmail.resend')}
        </button>
      )}
      {resend.isError ? <Alert tone="error">{apiErrorMessage(resend.error, t)}</Alert> : null}
    </div>
  );
}
