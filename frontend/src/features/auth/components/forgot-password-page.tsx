import { useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, FormError } from '@/components/alert';
import { EmailField } from '@/components/email-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormFields } from '@/hooks/use-form-fields';
import { formErrorsFrom } from '@/lib/errors';
import { useForgotPassword } from '../api/forgot-password';
import { checkEmail } from '../utils/validation';

const FIELDS = ['email'] as const;

/**
 * /forgot-password: asks for a reset link. The answer is the same whether or not an account
 * uses the address, so that nobody can find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { formRef, values, errors, bind, showErrors } = useFormFields(FIELDS, { email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const forgot = useForgotPassword();
  useDocumentTitle(t('forgotPassword.title'));

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const problem = checkEmail(values.email);
    if (problem) {
      showErrors({ fields: { email: t(problem.key) }, form: null });
      return;
    }
    const address = values.email.trim();
    forgot.mutate(address, {
      onSuccess: () => {
        setSentTo(address);
      },
      onError: (error) => {
        showErrors(formErrorsFrom(error, FIELDS, t));
      },
    });
  };

  const busy = forgot.isPending;
  return (
    <section className="page page-auth" data-testid="forgot-password-page">
      <div className="card auth-card">
        <h1>{t('forgotPassword.title')}</h1>
        {sentTo ? (
          <Alert tone="success" testId="reset-link-sent">
            {t('forgotPassword.sent', { email: sentTo })}
          </Alert>
        ) : (
          <>
            <p className="muted">{t('forgotPassword.lead')}</p>
            <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
              <FormError message={errors.form} />
              <EmailField
                {...bind('email')}
                label={t('auth.fields.email')}
                autoComplete="username"
              />
              <button type="submit" className="button button-primary button-block" disabled={busy}>
                {busy ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
              </button>
            </form>
          </>
        )}
        <p className="auth-switch">
          <Link to="/signin">{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </div>
    </section>
  );
}
