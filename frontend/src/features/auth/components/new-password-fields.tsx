import { useTranslation } from 'react-i18next';
import { PasswordField, type PasswordFieldProps } from '@/components/password-field';
import { PASSWORD_MAX, PASSWORD_MIN } from '../utils/validation';

type BoundField = Pick<PasswordFieldProps, 'name' | 'value' | 'onChange' | 'error'>;

/** Choosing a new password: the password with its length rule, then the same typed again. */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: BoundField;
  confirm: BoundField;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        {...password}
        purpose="new"
        label={t('auth.fields.newPassword')}
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
      />
      <PasswordField {...confirm} purpose="confirm" label={t('auth.fields.confirmPassword')} />
    </>
  );
}
