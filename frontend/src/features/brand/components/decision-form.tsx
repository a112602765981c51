import { useId, useRef, useState, type ChangeEvent, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/alert';
import { TextAreaField } from '@/components/text-area-field';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { addLocalDays, dateInputValue } from '@/lib/dates';
import { apiErrorMessage } from '@/lib/errors';
import { itemName, royaltyInWords } from '@/lib/terms';
import { useDecideReview } from '../api/decide-review';
import type { Decision, ReviewItem } from '../types';
import { currencySymbol, moneyInputValue } from '../utils/amounts';
import {
  buildDecision,
  DECISION_FIELDS,
  decisionFieldOf,
  REASON_MAX,
  REASON_MIN,
  type DecisionDraft,
  type DecisionField,
} from '../utils/decision';
import { placeServerErrors, readTerms } from '../utils/terms-form';

const DECISIONS: readonly Decision[] = ['approved', 'changes_requested', 'rejected'];

/**
 * The curator's answer: approve with the terms of the offer (price, royalty, first day on the
 * menu), or ask for changes, or reject, with a reason the creators read.
 */
export function DecisionForm({
  item,
  onCancel,
  onDecided,
}: {
  item: ReviewItem;
  onCancel: () => void;
  onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const decide = useDecideReview();
  const { design } = item;
  const currency = design.quote.price.currency;
  const symbol = currencySymbol(currency, format.language);
  const soldItem = itemName(format.text(design.template_name), format.language);
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    decision: 'approved',
    price: moneyInputValue(design.quote.price, format.language),
    royalty_percent: '',
    royalty_fixed: '',
    starts_on: dateInputValue(addLocalDays(Date.now(), 1)),
    reason: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<DecisionField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const approving = draft.decision === 'approved';
  const preview = approving ? readTerms(draft, currency, t, format.language).terms : null;

  const set =
    (field: DecisionField) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = event.target;
      setDraft((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    };

  const focusFirst = (found: Partial<Record<DecisionField, string>>) => {
    const first = DECISION_FIELDS.find((field) => found[field] !== undefined);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setGeneral(null);
    const built = buildDecision(draft, { currency, now: Date.now(), t, language: format.language });
    if (built.errors) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    setErrors({});
    decide.mutate(
      { designId: design.id, body: built.body },
      {
        onSuccess: () => {
          onDecided(t(`reviews.saved.${draft.decision}`, { name: design.name }));
        },
        onError: (error) => {
          const placed = placeServerErrors(error, decisionFieldOf, t);
          if (error instanceof ApiError && error.code === 'royalty_cut') {
            placed.fields.royalty_percent ??= t('terms.form.royaltyCut');
          }
          setErrors(placed.fields);
          const hasFields = Object.keys(placed.fields).length > 0;
          // 409 `claimed` and `already_decided` name who moved first in their `detail`.
          setGeneral(
            placed.general.length > 0
              ? placed.general.join(' ')
              : hasFields
                ? null
                : apiErrorMessage(error, t),
          );
          focusFirst(placed.fields);
        },
      },
    );
  };

  const busy = decide.isPending;
  return (
    <form
      ref={formRef}
      className="form brand-settings-form decision-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-label={t('reviews.decisionFormLabel', { name: design.name })}
      data-testid="decision-form"
    >
      <fieldset className="brand-choices">
        <legend>{t('reviews.decisionLegend')}</legend>
        <ul className="brand-choice-list">
          {DECISIONS.map((decision) => (
            <li key={decision}>
              <label className="brand-choice">
                <input
                  type="radio"
                  name={`${id}-decision`}
                  value={decision}
                  checked={draft.decision === decision}
                  onChange={() => {
                    setDraft((current) => ({ ...current, decision }));
                    setErrors({});
                    setGeneral(null);
                  }}
                />
                {t(`reviews.choice.${decision}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {approving ? (
        <>
          <div className="brand-form-grid">
            <TextField
              name="price"
              label={t('terms.form.price', { currency: symbol })}
              value={draft.price}
              error={errors.price}
              onChange={set('price')}
              inputMode="decimal"
              autoComplete="off"
            />
            <TextField
              name="royalty_percent"
              label={t('terms.form.percent')}
              hint={t('terms.form.percentHint')}
              value={draft.royalty_percent}
              error={errors.royalty_percent}
              onChange={set('royalty_percent')}
              inputMode="decimal"
              autoComplete="off"
            />
            <TextField
              name="royalty_fixed"
              label={t('terms.form.fixed', { currency: symbol, item: soldItem })}
              hint={t('terms.form.fixedHint')}
              value={draft.royalty_fixed}
              error={errors.royalty_fixed}
              onChange={set('royalty_fixed')}
              inputMode="decimal"
              autoComplete="off"
            />
            <TextField
              name="starts_on"
              type="date"
              label={t('reviews.startsOn')}
              hint={t('reviews.startsOnHint')}
              value={draft.starts_on}
              error={errors.starts_on}
              onChange={set('starts_on')}
            />
          </div>
          <p className="brand-live" data-testid="terms-preview">
            {t('terms.form.preview')}{' '}
            <output>{preview ? royaltyInWords(preview, t, format.language, soldItem) : '—'}</output>
          </p>
        </>
      ) : null}
      <TextAreaField
        name="reason"
        label={approving ? t('reviews.reasonOptional') : t('reviews.reasonRequired')}
        hint={t('reviews.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
        value={draft.reason}
        error={errors.reason}
        onChange={set('reason')}
        rows={4}
        maxLength={REASON_MAX}
      />
      <FormError message={general} />
      <div className="button-row">
        <button
          type="submit"
          className={
            draft.decision === 'rejected' ? 'button button-danger' : 'button button-primary'
          }
          disabled={busy}
        >
          {busy ? t('reviews.sending') : t(`reviews.submit.${draft.decision}`)}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
