import { type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/alert';
import { EmailField } from '@/components/email-field';
import { PasswordField } from '@/components/password-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { formErrorsFrom } from '@/lib/errors';
import { useLogin } from '../api/login';
import { checkEmail, checkRequired, type Problem } from '../utils/validation';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { formRef, values, errors, bind, showErrors, showCheckResults } = useFormFields(FIELDS, {
    email: '',
    password: '',
  });
  const loginMutation = useLogin();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const hasErrors = showCheckResults({
      email: describe(checkEmail(values.email)),
      password: describe(checkRequired(values.password)),
    });
    if (hasErrors) return;
    loginMutation.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          showErrors(formErrorsFrom(error, FIELDS, t));
        },
      },
    );
  };

  const busy = loginMutation.isPending;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
      <FormError message={errors.form} />
      <EmailField {...bind('email')} label={t('auth.fields.email')} autoComplete="username" />
      <PasswordField {...bind('password')} purpose="current" label={t('auth.fields.password')} />
      <p className="form-aside">
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
