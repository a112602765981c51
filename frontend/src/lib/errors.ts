/** Words for failed API calls, in the visitor's language. */
import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** Codes with a message of our own; any other code shows the server's words. */
const KNOWN_CODES = [
  'email_taken',
  'invalid_credentials',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'network_error',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** One sentence for the user about why a call failed. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  // Posting or rating too fast: a friendly "slow down" rather than a failure.
  if (error.code === 'rate_limited') {
    return error.retryAfterSeconds === undefined
      ? t('errors.rate_limited_later')
      : t('errors.rate_limited', { count: error.retryAfterSeconds });
  }
  if (error.code === 'too_many_attempts' || error.status === 429) {
    return error.retryAfterSeconds === undefined
      ? t('errors.too_many_attempts_later')
      : t('errors.too_many_attempts', { count: error.retryAfterSeconds });
  }
  if (isKnownCode(error.code)) return t(`errors.${error.code}`);
  if (error.status >= 500) {
    return error.requestId
      ? `${t('errors.server')} ${t('errors.reference', { id: error.requestId })}`
      : t('errors.server');
  }
  return error.detail ?? error.title;
}

export interface FormErrors<F extends string> {
  /** Messages to show beside their field. */
  fields: Partial<Record<F, string>>;
  /** A message for the whole form, when no field could carry it. */
  form: string | null;
}

/**
 * Split a failed submission between the form's fields and a general message.
 * `codeFields` names the field a whole-request error belongs to (e.g. `email_taken` -> email),
 * optionally with words that fit that field better than the general message.
 */
export function formErrorsFrom<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  codeFields: Partial<Record<string, F | { field: F; message: string }>> = {},
): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, form: null };
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);

  if (error instanceof ApiError) {
    const unplaced: string[] = [];
    for (const fieldError of error.fieldErrors) {
      if (isField(fieldError.field)) result.fields[fieldError.field] ??= fieldError.message;
      else unplaced.push(fieldError.message);
    }
    const codeField = codeFields[error.code];
    if (typeof codeField === 'string') result.fields[codeField] ??= apiErrorMessage(error, t);
    else if (codeField) result.fields[codeField.field] ??= codeField.message;
    if (unplaced.length > 0) result.form = unplaced.join(' ');
    else if (Object.keys(result.fields).length === 0) result.form = apiErrorMessage(error, t);
    return result;
  }
  result.form = apiErrorMessage(error, t);
  return result;
}
