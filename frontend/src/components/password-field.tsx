import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './text-field';

export interface PasswordFieldProps extends Omit<
  TextFieldProps,
  'type' | 'hint' | 'autoComplete' | 'reveal'
> {
  /**
   * `current`: the password in use. `new`: one being chosen, with its shortest length
   * (`minLength`) as the hint. `confirm`: the new one typed again, with no show/hide button.
   */
  purpose: 'current' | 'new' | 'confirm';
}

/** A required password input, like {@link TextField}, set up for password managers by its purpose. */
export function PasswordField({ purpose, minLength, ...field }: PasswordFieldProps) {
  const { t } = useTranslation();
  const hint =
    purpose === 'new' && minLength !== undefined
      ? t('auth.fields.passwordHint', { min: minLength })
      : undefined;
  const reveal =
    purpose === 'confirm'
      ? undefined
      : { show: t('auth.fields.showPassword'), hide: t('auth.fields.hidePassword') };

  return (
    <TextField
      required
      {...field}
      type="password"
      hint={hint}
      autoComplete={purpose === 'current' ? 'current-password' : 'new-password'}
      minLength={minLength}
      reveal={reveal}
    />
  );
}
