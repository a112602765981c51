/** New terms for a listing, read from the brand's form: `POST /brand/listings/{id}/terms`. */
import type { TFunction } from 'i18next';
import { localDateTimeMs } from '@/lib/dates';
import type { Language } from '@/lib/i18n';
import type { Terms } from '@/types/listings';
import type { TermsChange } from '../types';
import { readTerms, termsFieldOf, type TermsDraft, type TermsField } from './terms-form';

export interface TermsChangeDraft extends TermsDraft {
  /** `<input type="datetime-local">`: when the new terms apply, where the brand is. */
  effective_from: string;
}

export type TermsChangeField = TermsField | 'effective_from';

export const TERMS_CHANGE_FIELDS: readonly TermsChangeField[] = [
  'price',
  'royalty_percent',
  'royalty_fixed',
  'effective_from',
];

/**
 * The change to send, or a message beside each field in the way. New terms start in the future
 * (orders already placed keep theirs), and neither royalty part may go below the terms in
 * force: lowering one needs the creators' consent, which the server refuses to assume.
 */
export function buildTermsChange(
  draft: TermsChangeDraft,
  current: Terms,
  { now, t, language }: { now: number; t: TFunction; language: Language },
):
  | { change: TermsChange; errors: null }
  | { change: null; errors: Partial<Record<TermsChangeField, string>> } {
  const errors: Partial<Record<TermsChangeField, string>> = {};
  const read = readTerms(draft, current.price.currency, t, language);
  if (read.errors) Object.assign(errors, read.errors);
  if (read.terms) {
    const fixedNow = current.royalty_fixed?.amount_minor ?? 0;
    const fixedNext = read.terms.royalty_fixed?.amount_minor ?? 0;
    if (read.terms.royalty_bps < current.royalty_bps) {
      errors.royalty_percent = t('terms.form.royaltyCut');
    } else if (fixedNext < fixedNow) {
      errors.royalty_fixed = t('terms.form.royaltyCut');
    }
  }
  const from = localDateTimeMs(draft.effective_from);
  if (draft.effective_from.trim() === '') errors.effective_from = t('validation.required');
  else if (from === null) errors.effective_from = t('listings.terms.whenInvalid');
  else if (from <= now) errors.effective_from = t('listings.terms.whenPast');

  if (!read.terms || from === null || Object.keys(errors).length > 0) {
    return { change: null, errors };
  }
  return { change: { ...read.terms, effective_from: from }, errors: null };
}

/** Where the server's field errors on new terms go on the form. */
export function termsChangeFieldOf(serverField: string): TermsChangeField | null {
  if (serverField === 'effective_from') return 'effective_from';
  return termsFieldOf(serverField);
}
