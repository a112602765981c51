import { useTranslation } from 'react-i18next';
import type { Account } from '@/types/api';
import { ResendVerificationButton } from './resend-verification-button';

/** On the account page while the email is not verified: why it matters, and a new link. */
export function EmailVerificationNotice({ account }: { account: Account }) {
  const { t } = useTranslation();
  // Unknown (not sent yet) is not the same as unverified: say nothing until GET /me answers.
  if (account.email_verified !== false) return null;
  return (
    <div className="card notice-card" data-testid="unverified-email">
      <h2>{t('verifyEmail.noticeTitle')}</h2>
      <p>{t('verifyEmail.noticeBody', { email: account.email })}</p>
      <ResendVerificationButton email={account.email} />
    </div>
  );
}
