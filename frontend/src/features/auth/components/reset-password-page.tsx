import { type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, FormError } from '@/components/alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormFields } from '@/hooks/use-form-fields';
import { formErrorsFrom } from '@/lib/errors';
import { useResetPassword } from '../api/reset-password';
import { isInvalidToken } from '../utils/tokens';
import { checkNewPassword, type Problem } from '../utils/validation';
import { NewPasswordFields } from './new-password-fields';

const FIELDS = ['password', 'confirm_password'] as const;

/** What the sign-in page is told after a reset, to say the new password is in place. */
export interface PasswordResetState {
  passwordReset: true;
}

/** /reset-password?token=…: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { formRef, values, errors, bind, showErrors, showCheckResults } = useFormFields(FIELDS, {
    password: '',
    confirm_password: '',
  });
  const reset = useResetPassword();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);
  useDocumentTitle(t('resetPassword.title'));

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const hasErrors = showCheckResults({
      password: describe(checkNewPassword(values.password)),
      confirm_password:
        values.confirm_password === values.password ? undefined : t('validation.passwordMismatch'),
    });
    if (hasErrors) return;
    reset.mutate(
      { token, password: values.password },
      {
        onSuccess: () => {
          const state: PasswordResetState = { passwordReset: true };
          void navigate('/signin', { replace: true, state });
        },
        onError: (error) => {
          if (isInvalidToken(error)) return;
          showErrors(formErrorsFrom(error, FIELDS, t));
        },
      },
    );
  };

  const invalid = !token || (reset.isError && isInvalidToken(reset.error));
  const busy = reset.isPending;
  return (
    <section className="page page-auth" data-testid="reset-password-page">
      <div className="card auth-card">
        <h1>{t('resetPassword.title')}</h1>
        {invalid ? (
          <>
            <Alert tone="error" testId="invalid-token">
              {t('resetPassword.invalid')}
            </Alert>
            <p>
              <Link to="/forgot-password" className="button button-primary">
                {t('resetPassword.askAgain')}
              </Link>
            </p>
          </>
        ) : (
          <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
            <p className="muted">{t('resetPassword.lead')}</p>
            <FormError message={errors.form} />
            <NewPasswordFields password={bind('password')} confirm={bind('confirm_password')} />
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {busy ? t('resetPassword.submitting') : t('resetPassword.submit')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
