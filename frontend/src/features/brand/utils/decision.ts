/** The curator's decision form read into the body of `POST /brand/reviews/{id}/decision`. */
import type { TFunction } from 'i18next';
import { localMidnightMs } from '@/lib/dates';
import { DAY_MS } from '@/lib/deadline';
import type { Language } from '@/lib/i18n';
import type { Decision, DecisionBody } from '../types';
import { readTerms, termsFieldOf, type TermsDraft, type TermsField } from './terms-form';

export const REASON_MIN = 10;
export const REASON_MAX = 2000;

export interface DecisionDraft extends TermsDraft {
  decision: Decision;
  /** The day it goes on the menu (`<input type="date">`), from local midnight. */
  starts_on: string;
  reason: string;
}

export type DecisionField = TermsField | 'starts_on' | 'reason';

export const DECISION_FIELDS: readonly DecisionField[] = [
  'price',
  'royalty_percent',
  'royalty_fixed',
  'starts_on',
  'reason',
];

/**
 * The body to send, or a message beside each field in the way: an approval needs its terms and
 * a first day on the menu from today to a year from now (within the server's window); asking
 * for changes or rejecting needs a reason of 10 to 2000 characters, which the creators read.
 */
export function buildDecision(
  draft: DecisionDraft,
  {
    currency,
    now,
    t,
    language,
  }: { currency: string; now: number; t: TFunction; language: Language },
):
  | { body: DecisionBody; errors: null }
  | { body: null; errors: Partial<Record<DecisionField, string>> } {
  const errors: Partial<Record<DecisionField, string>> = {};
  const reason = draft.reason.trim();
  if (reason.length > REASON_MAX) errors.reason = t('reasonDialog.tooLong', { count: REASON_MAX });

  if (draft.decision !== 'approved') {
    if (reason === '') errors.reason = t('reviews.decision.reasonRequired');
    else if (reason.length < REASON_MIN)
      errors.reason = t('reasonDialog.tooShort', { count: REASON_MIN });
    if (Object.keys(errors).length > 0) return { body: null, errors };
    return { body: { decision: draft.decision, reason }, errors: null };
  }

  const read = readTerms(draft, currency, t, language);
  if (read.errors) Object.assign(errors, read.errors);
  const startsAt = localMidnightMs(draft.starts_on);
  if (draft.starts_on.trim() === '') errors.starts_on = t('validation.required');
  else if (startsAt === null) errors.starts_on = t('reviews.decision.dateInvalid');
  // The server takes no earlier than a day ago: today's midnight always is, yesterday's not.
  else if (startsAt < now - DAY_MS) errors.starts_on = t('reviews.decision.datePast');
  else if (startsAt > now + 365 * DAY_MS) errors.starts_on = t('reviews.decision.dateFar');

  if (!read.terms || startsAt === null || Object.keys(errors).length > 0) {
    return { body: null, errors };
  }
  return {
    body: {
      decision: 'approved',
      ...(reason ? { reason } : {}),
      terms: { ...read.terms, starts_at: startsAt },
    },
    errors: null,
  };
}

/** Where the server's field errors on a decision go on the form. */
export function decisionFieldOf(serverField: string): DecisionField | null {
  if (serverField === 'reason') return 'reason';
  if (serverField === 'terms.starts_at' || serverField === 'starts_at') return 'starts_on';
  return termsFieldOf(serverField);
}
