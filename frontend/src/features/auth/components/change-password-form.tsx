import { useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FormError } from '@/components/alert';
import { PasswordField } from '@/components/password-field';
import { useFormFields } from '@/hooks/use-form-fields';
import { formErrorsFrom } from '@/lib/errors';
import { useChangePassword } from '../api/change-password';
import { checkNewPassword, checkRequired, type Problem } from '../utils/validation';
import { NewPasswordFields } from './new-password-fields';

const FIELDS = ['current_password', 'new_password', 'confirm_password'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = {
  current_password: '',
  new_password: '',
  confirm_password: '',
};

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const { formRef, values, setValues, errors, bind, showErrors, showCheckResults } = useFormFields(
    FIELDS,
    EMPTY,
    () => {
      setDone(false);
    },
  );
  const changeMutation = useChangePassword();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setDone(false);
    const hasErrors = showCheckResults({
      current_password: describe(checkRequired(values.current_password)),
      new_password: describe(checkNewPassword(values.new_password)),
      confirm_password:
        values.confirm_password === values.new_password
          ? undefined
          : t('validation.passwordMismatch'),
    });
    if (hasErrors) return;
    changeMutation.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setDone(true);
        },
        onError: (error) => {
          // A wrong current password belongs beside that field.
          showErrors(
            formErrorsFrom(error, FIELDS, t, {
              invalid_credentials: {
                field: 'current_password',
                message: t('accountPage.changePassword.wrongCurrent'),
              },
            }),
          );
        },
      },
    );
  };

  const busy = changeMutation.isPending;
  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={onSubmit}
      aria-busy={busy}
      data-testid="change-password-form"
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {done ? (
        <Alert tone="success" testId="password-changed">
          {t('accountPage.changePassword.success')}
        </Alert>
      ) : null}
      <FormError message={errors.form} />
      <PasswordField
        {...bind('current_password')}
        purpose="current"
        label={t('auth.fields.currentPassword')}
      />
      <NewPasswordFields password={bind('new_password')} confirm={bind('confirm_password')} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('accountPage.changePassword.submitting') : t('accountPage.changePassword.submit')}
      </button>
    </form>
  );
}
