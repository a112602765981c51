import { useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
import { formErrorsFrom } from '@/lib/errors';
import { useForgotPassword } from '../api/forgot-password';
import { checkEmail } from '../utils/validation';

const FIELDS = ['email'] as const;
type Field = (typeof FIELDS)[number];

/**
 * /forgot-password: asks for a reset link. The answer is the same whether or not an account
 * uses the address, so that nobody can find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, setErrors, clearField } = useFormErrors<Field>();
  const forgot = useForgotPassword();
  useDocumentTitle(t('forgotPassword.title'));

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const problem = checkEmail(email);
    if (problem) {
      const fields = { email: t(problem.key) };
      setErrors({ fields, form: null });
      focusFirstInvalid(formRef.current, FIELDS, fields);
      return;
    }
    const address = email.trim();
    forgot.mutate(address, {
      onSuccess: () => {
        setSentTo(address);
      },
      onError: (error) => {
        const next = formErrorsFrom(error, FIELDS, t);
        setErrors(next);
        focusFirstInvalid(formRef.current, FIELDS, next.fields);
      },
    });
  };

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
            <form
              ref={formRef}
              className="form"
              noValidate
              onSubmit={onSubmit}
              aria-busy={forgot.isPending}
            >
              {errors.form ? (
                <Alert tone="error" testId="form-error">
                  {errors.form}
                </Alert>
              ) : null}
              <TextField
                name="email"
                type="email"
                label={t('auth.fields.email')}
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  clearField('email');
                }}
                error={errors.fields.email}
              />
              <button
                type="submit"
                className="button button-primary button-block"
                disabled={forgot.isPending}
              >
                {forgot.isPending ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
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
