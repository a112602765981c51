import { TextField, type TextFieldProps } from './text-field';

export type EmailFieldProps = Omit<TextFieldProps, 'type' | 'inputMode' | 'spellCheck'>;

/** A required email address input, like {@link TextField}, with the email keyboard and no spellcheck. */
export function EmailField(field: EmailFieldProps) {
  return <TextField required {...field} type="email" inputMode="email" spellCheck={false} />;
}
