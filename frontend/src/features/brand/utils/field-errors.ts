/**
 * Words for what is wrong with a field: the checks this app makes on numbers as they are typed,
 * and the server's field errors (its messages are in English; the codes we know are said in
 * the reader's language, any other keeps the server's words).
 */
import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { ProblemFieldError } from '@/types/api';
import type { AmountProblem } from './amounts';

/** What a number field holds, which decides how its problems are worded. */
export type AmountKind = 'money' | 'seconds' | 'grams' | 'whole';

export function amountMessage(
  problem: AmountProblem,
  kind: AmountKind,
  t: TFunction,
  language: Language,
): string {
  const comma = (text: string) => (language === 'fr' ? text.replace('.', ',') : text);
  switch (problem) {
    case 'required':
      return t('validation.required');
    case 'negative':
      return t('brand.input.negative');
    case 'too_large':
      return t('brand.input.tooLarge');
    case 'invalid':
    case 'too_precise':
      switch (kind) {
        case 'money':
          return problem === 'invalid'
            ? t('brand.input.moneyInvalid', { example: comma('1.50') })
            : t('brand.input.moneyTooPrecise', { example: comma('1.50') });
        case 'grams':
          return problem === 'invalid'
            ? t('brand.input.gramsInvalid', { example: comma('12.5') })
            : t('brand.input.gramsTooPrecise');
        case 'seconds':
          return t('brand.input.seconds');
        case 'whole':
          return t('brand.input.whole');
      }
  }
}

/** The last part of a path: `groups[0].options[1].name` -> `name`. */
function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** How many characters a localized text may hold, by where it is. */
function textLimit(path: string): number {
  if (path === 'name') return 80;
  if (path === 'description') return 500;
  return 60;
}

/** One of the server's field errors in the reader's language when we know its code. */
export function serverFieldMessage(error: ProblemFieldError, t: TFunction): string {
  const { field, code, message } = error;
  const last = lastSegment(field);
  const localized = last === 'name' || last === 'description';
  const svg = last === 'base_layer_svg' || last === 'layer_svg';
  switch (code) {
    case 'required':
      if (field === 'groups') return t('brand.serverErrors.noGroups');
      if (last === 'options') return t('brand.serverErrors.noOptions');
      if (last === 'nutrition') return t('brand.serverErrors.nutrition');
      if (localized) return t('brand.serverErrors.bothLanguages');
      return t('validation.required');
    case 'too_long':
      if (localized) return t('brand.serverErrors.tooLong', { max: textLimit(field) });
      if (svg) return t('brand.serverErrors.svgTooLong');
      return message;
    case 'invalid_characters':
      return t('brand.serverErrors.invalidCharacters');
    case 'invalid_slug':
      return t('brand.serverErrors.invalidSlug');
    case 'taken':
      return field === 'slug' ? t('brand.serverErrors.slugTaken') : message;
    case 'invalid_svg':
      return t('brand.serverErrors.invalidSvg');
    case 'unsafe_svg':
      return t('brand.serverErrors.unsafeSvg');
    case 'negative':
      return t('brand.input.negative');
    case 'out_of_range':
      if (last === 'max_choices' || last === 'min_choices') return t('brand.serverErrors.choices');
      if (last === 'max_quantity') return t('brand.serverErrors.quantity');
      if (last === 'max_prep_seconds') return t('brand.settings.maxPrepZero');
      return message;
    default:
      return message;
  }
}

/** A failed change split between its fields (by the server's field names) and the rest. */
export function changeErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  fallback: (error: unknown) => string,
): { fields: Partial<Record<F, string>>; general: string | null } {
  const placed: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);
  const fieldErrors =
    error instanceof ApiError && error.status === 422 ? error.fieldErrors : ([] as const);
  for (const fieldError of fieldErrors) {
    const message = serverFieldMessage(fieldError, t);
    if (isField(fieldError.field)) placed[fieldError.field] ??= message;
    else unplaced.push(message);
  }
  if (unplaced.length > 0) return { fields: placed, general: unplaced.join(' ') };
  if (Object.keys(placed).length > 0) return { fields: placed, general: null };
  return { fields: placed, general: fallback(error) };
}
