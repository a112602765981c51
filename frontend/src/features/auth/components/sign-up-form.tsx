import { useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
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
type Field = (typeof FIELDS)[number];

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    display_name: '',
    password: '',
  });
  const { errors, setErrors, clearField } = useFormErrors<Field>();
  const registerMutation = useRegister();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const update = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const checks: Record<Field, string | undefined> = {
      email: describe(checkEmail(values.email)),
      display_name: describe(checkDisplayName(values.display_name)),
      password: describe(checkNewPassword(values.password)),
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
    registerMutation.mutate(
      {
        email: values.email.trim(),
        display_name: values.display_name.trim(),
        password: values.password,
      },
      {
        onSuccess: onSignedUp,
        onError: (error) => {
          const next = formErrorsFrom(error, FIELDS, t, { email_taken: 'email' });
          setErrors(next);
          focusFirstInvalid(formRef.current, FIELDS, next.fields);
        },
      },
    );
  };

  const busy = registerMutation.isPending;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={busy}>
      {errors.form ? (
        <Alert tone="error" testId="form-error">
          {errors.form}
        </Alert>
      ) : null}
      <TextField
        name="email"
        type="email"
        label={t('auth.fields.email')}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        value={values.email}
        onChange={update('email')}
        error={errors.fields.email}
      />
      <TextField
        name="display_name"
        label={t('auth.fields.displayName')}
        hint={t('auth.fields.displayNameHint')}
        autoComplete="nickname"
        required
        maxLength={DISPLAY_NAME_MAX}
        value={values.display_name}
        onChange={update('display_name')}
        error={errors.fields.display_name}
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.fields.password')}
        hint={t('auth.fields.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        value={values.password}
        onChange={update('password')}
        error={errors.fields.password}
        reveal={{ show: t('auth.fields.showPassword'), hide: t('auth.fields.hidePassword') }}
      />
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
      </button>
    </form>
  );
}
