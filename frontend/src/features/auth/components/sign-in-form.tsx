import { useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
import { formErrorsFrom } from '@/lib/errors';
import { useLogin } from '../api/login';
import { checkEmail, checkRequired, type Problem } from '../utils/validation';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const { errors, setErrors, clearField } = useFormErrors<Field>();
  const loginMutation = useLogin();
  const describe = (problem: Problem | null) => (problem ? t(problem.key, problem) : undefined);

  const update = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const fields: Partial<Record<Field, string>> = {};
    const email = describe(checkEmail(values.email));
    const password = describe(checkRequired(values.password));
    if (email) fields.email = email;
    if (password) fields.password = password;
    setErrors({ fields, form: null });
    if (Object.keys(fields).length > 0) {
      focusFirstInvalid(formRef.current, FIELDS, fields);
      return;
    }
    loginMutation.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const next = formErrorsFrom(error, FIELDS, t);
          setErrors(next);
          focusFirstInvalid(formRef.current, FIELDS, next.fields);
        },
      },
    );
  };

  const busy = loginMutation.isPending;
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
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={values.email}
        onChange={update('email')}
        error={errors.fields.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.fields.password')}
        autoComplete="current-password"
        required
        value={values.password}
        onChange={update('password')}
        error={errors.fields.password}
        reveal={{ show: t('auth.fields.showPassword'), hide: t('auth.fields.hidePassword') }}
      />
      <p className="form-aside">
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
