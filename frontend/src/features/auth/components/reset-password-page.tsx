import { useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
import { formErrorsFrom } from '@/lib/errors';
import { useResetPassword } from '../api/reset-password';
import { isInvalidToken } from '../utils/tokens';
import { PASSWORD_MAX, PASSWORD_MIN, checkNewPassword, type Problem } from '../utils/validation';

const FIELDS = ['password', 'confirm_password'] as const;
type Field = (typeof FIELDS)[number];

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
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({
    password: '',
    confirm_password: '',
  });
  const { errors, setErrors, clearField } = useFormErrors<Field>();
  const reset = useResetPassword();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);
  useDocumentTitle(t('resetPassword.title'));

  const update = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const fields: Partial<Record<Field, string>> = {};
    const password = describe(checkNewPassword(values.password));
    if (password) fields.password = password;
    if (values.confirm_password !== values.password) {
      fields.confirm_password = t('validation.passwordMismatch');
    }
    setErrors({ fields, form: null });
    if (Object.keys(fields).length > 0) {
      focusFirstInvalid(formRef.current, FIELDS, fields);
      return;
    }
    reset.mutate(
      { token, password: values.password },
      {
        onSuccess: () => {
          const state: PasswordResetState = { passwordReset: true };
          void navigate('/signin', { replace: true, state });
        },
        onError: (error) => {
          if (isInvalidToken(error)) return;
          const next = formErrorsFrom(error, FIELDS, t);
          setErrors(next);
          focusFirstInvalid(formRef.current, FIELDS, next.fields);
        },
      },
    );
  };

  const invalid = !token || (reset.isError && isInvalidToken(reset.error));
  const revealLabels = { show: t('auth.fields.showPassword'), hide: t('auth.fields.hidePassword') };
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
          <form
            ref={formRef}
            className="form"
            noValidate
            onSubmit={onSubmit}
            aria-busy={reset.isPending}
          >
            <p className="muted">{t('resetPassword.lead')}</p>
            {errors.form ? (
              <Alert tone="error" testId="form-error">
                {errors.form}
              </Alert>
            ) : null}
            <TextField
              name="password"
              type="password"
              label={t('auth.fields.newPassword')}
              hint={t('auth.fields.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              value={values.password}
              onChange={update('password')}
              error={errors.fields.password}
              reveal={revealLabels}
            />
            <TextField
              name="confirm_password"
              type="password"
              label={t('auth.fields.confirmPassword')}
              autoComplete="new-password"
              required
              value={values.confirm_password}
              onChange={update('confirm_password')}
              error={errors.fields.confirm_password}
            />
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={reset.isPending}
            >
              {reset.isPending ? t('resetPassword.submitting') : t('resetPassword.submit')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
