/** The account rules the server enforces, checked first here so mistakes show at once. */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 60;

export type Problem =
  | { key: 'validation.required' }
  | { key: 'validation.email' }
  | { key: 'validation.displayNameLength' }
  | { key: 'validation.passwordTooShort'; min: number }
  | { key: 'validation.passwordTooLong'; max: number }
  | { key: 'validation.passwordMismatch' };

/** Unicode scalar values, as the server counts them (Rust's `chars().count()`), not UTF-16 units. */
const length = (value: string) => Array.from(value).length;

export function checkEmail(value: string): Problem | null {
  const email = value.trim();
  if (!email) return { key: 'validation.required' };
  return /^[^\s@]+@[^\s@]+$/.test(email) ? null : { key: 'validation.email' };
}

export function checkDisplayName(value: string): Problem | null {
  const name = value.trim();
  if (!name) return { key: 'validation.required' };
  return length(name) > DISPLAY_NAME_MAX ? { key: 'validation.displayNameLength' } : null;
}

export function checkNewPassword(value: string): Problem | null {
  if (!value) return { key: 'validation.required' };
  if (length(value) < PASSWORD_MIN)
    return { key: 'validation.passwordTooShort', min: PASSWORD_MIN };
  if (length(value) > PASSWORD_MAX) return { key: 'validation.passwordTooLong', max: PASSWORD_MAX };
  return null;
}

export function checkRequired(value: string): Problem | null {
  return value ? null : { key: 'validation.required' };
}
