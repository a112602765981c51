/**
 * The terms the brand types (a price, a royalty share in percent, an amount per unit sold) read
 * exactly into what the API takes, with a message beside each field that does not read; and the
 * server's field errors put back beside those fields.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { ProblemFieldError } from '@/types/api';
import type { NewTerms } from '../types';
import { parseDecimal, parseMoney } from './amounts';
import { amountMessage, serverFieldMessage } from './field-errors';

export interface TermsDraft {
  price: string;
  /** Percent of net line revenue, as typed ("5", "12.5"); empty for none. */
  royalty_percent: string;
  /** Per unit sold, in the currency's major unit; empty for none. */
  royalty_fixed: string;
}

export type TermsField = keyof TermsDraft;

export type TermsErrors = Partial<Record<TermsField, string>>;

/** A percentage with up to two decimals, as basis points: "5" -> 500, "12.25" -> 1225. */
export function percentToBps(text: string): ReturnType<typeof parseDecimal> {
  return parseDecimal(text, 2);
}

/** Basis points as the brand would type them: 1250 -> "12.5" ("12,5" in French). */
export function bpsInputValue(bps: number, language: Language): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  const text =
    rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/u, '')}`;
  return language === 'fr' ? text.replace('.', ',') : text;
}

/**
 * The terms, or what is wrong with them: the price is at least one cent; the share is 0 to
 * 100 %; the amount per unit is below the price; at least one of the two is above zero.
 */
export function readTerms(
  draft: TermsDraft,
  currency: string,
  t: TFunction,
  language: Language,
): { terms: NewTerms; errors: null } | { terms: null; errors: TermsErrors } {
  const errors: TermsErrors = {};
  const price = parseMoney(draft.price, currency);
  if (!price.ok) errors.price = amountMessage(price.problem, 'money', t, language);
  else if (price.value < 1) errors.price = t('terms.form.priceZero');

  let bps = 0;
  if (draft.royalty_percent.trim() !== '') {
    const parsed = percentToBps(draft.royalty_percent);
    if (!parsed.ok) {
      errors.royalty_percent =
        parsed.problem === 'negative'
          ? t('brand.input.negative')
          : t('terms.form.percentInvalid', { example: language === 'fr' ? '5,5' : '5.5' });
    } else if (parsed.value > 10000) {
      errors.royalty_percent = t('terms.form.percentRange');
    } else bps = parsed.value;
  }

  let fixed = 0;
  if (draft.royalty_fixed.trim() !== '') {
    const parsed = parseMoney(draft.royalty_fixed, currency);
    if (!parsed.ok) errors.royalty_fixed = amountMessage(parsed.problem, 'money', t, language);
    else fixed = parsed.value;
  }
  if (price.ok && errors.royalty_fixed === undefined && fixed > 0 && fixed >= price.value) {
    errors.royalty_fixed = t('terms.form.fixedBelowPrice');
  }
  if (
    errors.royalty_percent === undefined &&
    errors.royalty_fixed === undefined &&
    bps === 0 &&
    fixed === 0
  ) {
    errors.royalty_percent = t('terms.form.royaltyRequired');
  }

  if (Object.keys(errors).length > 0 || !price.ok) return { terms: null, errors };
  return {
    terms: {
      price: { amount_minor: price.value, currency },
      royalty_bps: bps,
      royalty_fixed: fixed > 0 ? { amount_minor: fixed, currency } : null,
    },
    errors: null,
  };
}

/**
 * The server's 422 split between the form's fields and the rest. `fieldOf` names the form's
 * field for one of the server's field paths (`terms.price.amount_minor` -> `price`), or null.
 */
export function placeServerErrors<F extends string>(
  error: unknown,
  fieldOf: (serverField: string) => F | null,
  t: TFunction,
): { fields: Partial<Record<F, string>>; general: string[] } {
  const fields: Partial<Record<F, string>> = {};
  const general: string[] = [];
  const fieldErrors: readonly ProblemFieldError[] =
    error instanceof ApiError && error.status === 422 ? error.fieldErrors : [];
  for (const fieldError of fieldErrors) {
    const field = fieldOf(fieldError.field);
    if (fieldError.code === 'royalty_cut') {
      // A cut is about the royalty as a whole: said once, beside the share.
      const at = fieldOf('royalty_bps') ?? field;
      if (at === null) general.push(t('terms.form.royaltyCut'));
      else fields[at] ??= t('terms.form.royaltyCut');
    } else if (field === null) {
      // Nothing on the form to put it beside: the server's own words say what it is about.
      general.push(fieldError.message);
    } else {
      fields[field] ??= serverFieldMessage(fieldError, t);
    }
  }
  return { fields, general };
}

/**
 * Where a server field path of the terms goes on a terms form: `price` (and inside it),
 * `royalty_bps`, `royalty_fixed`, with or without a `terms.` prefix.
 */
export function termsFieldOf(serverField: string): TermsField | null {
  const path = serverField.startsWith('terms.') ? serverField.slice('terms.'.length) : serverField;
  if (path === 'price' || path.startsWith('price.')) return 'price';
  if (path === 'royalty_bps') return 'royalty_percent';
  if (path === 'royalty_fixed' || path.startsWith('royalty_fixed.')) return 'royalty_fixed';
  return null;
}
