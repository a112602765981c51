import { type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/alert';
import { EmailField } from '@/components/email-field';
import { PasswordField } from '@/components/password-field';
import { TextField } from '@/components/text-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { formErrorsFrom } from '@/lib/errors';
import { useRegister } from '../api/register';
import {
  DISPLAY_NAME_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  type Problem,
} from '../utils/validation';

const FIELDS = ['email', 'display_name', 'password'] as const;

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const { formRef, values, errors, bind, showErrors, showCheckResults } = useFormFields(FIELDS, {
    email: '',
    display_name: '',
    password: '',
  });
  const registerMutation = useRegister();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const hasErrors = showCheckResults({
      email: describe(checkEmail(values.email)),
      display_name: describe(checkDisplayName(values.display_name)),
      password: describe(checkNewPassword(values.password)),
    });
    if (hasErrors) return;
    registerMutation.mutate(
      {
        email: values.email.trim(),
        display_name: values.display_name.trim(),
        password: values.password,
      },
      {
        onSuccess: onSignedUp,
        onError: (error) => {
          showErrors(formErrorsFrom(error, FIELDS, t, { email_taken: 'email' }));
        },
      },
    );
  };

  const busy = registerMutation.isPending;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
      <FormError message={errors.form} />
      <EmailField {...bind('email')} label={t('auth.fields.email')} autoComplete="email" />
      <TextField
        {...bind('display_name')}
        label={t('auth.fields.displayName')}
        hint={t('auth.fields.displayNameHint')}
        autoComplete="nickname"
        required
        maxLength={DISPLAY_NAME_MAX}
      />
      <PasswordField
        {...bind('password')}
        purpose="new"
        label={t('auth.fields.password')}
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
      />
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
      </button>
    </form>
  );
}
