import { useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
import { formErrorsFrom } from '@/lib/errors';
import { useChangePassword } from '../api/change-password';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  checkNewPassword,
  checkRequired,
  type Problem,
} from '../utils/validation';

const FIELDS = ['current_password', 'new_password', 'confirm_password'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = {
  current_password: '',
  new_password: '',
  confirm_password: '',
};

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const { errors, setErrors, clearField } = useFormErrors<Field>();
  const changeMutation = useChangePassword();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const update = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearField(field);
    setDone(false);
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setDone(false);
    const checks: Record<Field, string | undefined> = {
      current_password: describe(checkRequired(values.current_password)),
      new_password: describe(checkNewPassword(values.new_password)),
      confirm_password:
        values.confirm_password === values.new_password
          ? undefined
          : t('validation.passwordMismatch'),
    };
    const fields: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const message = checks[field];
      if (message) fields[field] = message;
    }
    setErrors({ fields, form: null });
    if (Object.keys(fields).length > 0) {
      focusFirstInvalid(formRef.current, FIELDS, fields);
      return;
    }
    changeMutation.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setDone(true);
        },
        onError: (error) => {
          // A wrong current password belongs beside that field.
          const next = formErrorsFrom(error, FIELDS, t, {
            invalid_credentials: {
              field: 'current_password',
              message: t('accountPage.changePassword.wrongCurrent'),
            },
          });
          setErrors(next);
          focusFirstInvalid(formRef.current, FIELDS, next.fields);
        },
      },
    );
  };

  const busy = changeMutation.isPending;
  const reveal = { show: t('auth.fields.showPassword'), hide: t('auth.fields.hidePassword') };
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
      {errors.form ? (
        <Alert tone="error" testId="form-error">
          {errors.form}
        </Alert>
      ) : null}
      <TextField
        name="current_password"
        type="password"
        label={t('auth.fields.currentPassword')}
        autoComplete="current-password"
        required
        value={values.current_password}
        onChange={update('current_password')}
        error={errors.fields.current_password}
        reveal={reveal}
      />
      <TextField
        name="new_password"
        type="password"
        label={t('auth.fields.newPassword')}
        hint={t('auth.fields.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        value={values.new_password}
        onChange={update('new_password')}
        error={errors.fields.new_password}
        reveal={reveal}
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
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('accountPage.changePassword.submitting') : t('accountPage.changePassword.submit')}
      </button>
    </form>
  );
}
