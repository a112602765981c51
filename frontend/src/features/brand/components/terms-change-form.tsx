import { useRef, useState, type ChangeEvent, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { addLocalDays, dateTimeInputValue } from '@/lib/dates';
import { apiErrorMessage } from '@/lib/errors';
import { royaltyInWords } from '@/lib/terms';
import { useChangeTerms } from '../api/change-terms';
import type { BrandListing } from '../types';
import { currencySymbol, moneyInputValue } from '../utils/amounts';
import {
  buildTermsChange,
  TERMS_CHANGE_FIELDS,
  termsChangeFieldOf,
  type TermsChangeDraft,
  type TermsChangeField,
} from '../utils/terms-change';
import { bpsInputValue, placeServerErrors, readTerms } from '../utils/terms-form';

/**
 * New price and royalty from a moment in the future, starting from the terms in force. The
 * creators are told; a royalty may only go up.
 */
export function TermsChangeForm({
  listing,
  item,
  onDone,
}: {
  listing: BrandListing;
  /** What is sold, for "per burger sold". */
  item: string;
  /** Called with news to show when saved, or null when cancelled. */
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const change = useChangeTerms();
  const current = listing.terms;
  const currency = current.price.currency;
  const symbol = currencySymbol(currency, format.language);
  const [draft, setDraft] = useState<TermsChangeDraft>(() => ({
    price: moneyInputValue(current.price, format.language),
    royalty_percent:
      current.royalty_bps > 0 ? bpsInputValue(current.royalty_bps, format.language) : '',
    royalty_fixed:
      current.royalty_fixed && current.royalty_fixed.amount_minor > 0
        ? moneyInputValue(current.royalty_fixed, format.language)
        : '',
    // Tomorrow at the start of the day: a change is never retroactive.
    effective_from: dateTimeInputValue(addLocalDays(Date.now(), 1)),
  }));
  const [errors, setErrors] = useState<Partial<Record<TermsChangeField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const preview = readTerms(draft, currency, t, format.language).terms;

  const set = (field: TermsChangeField) => (event: ChangeEvent<HTMLInputElement>) => {
    const { value } = event.target;
    setDraft((currentDraft) => ({ ...currentDraft, [field]: value }));
    setErrors((currentErrors) => ({ ...currentErrors, [field]: undefined }));
  };

  const focusFirst = (found: Partial<Record<TermsChangeField, string>>) => {
    const first = TERMS_CHANGE_FIELDS.find((field) => found[field] !== undefined);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setGeneral(null);
    const built = buildTermsChange(draft, current, {
      now: Date.now(),
      t,
      language: format.language,
    });
    if (built.errors) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    setErrors({});
    change.mutate(
      { id: listing.id, change: built.change },
      {
        onSuccess: () => {
          onDone(
            t('listings.terms.saved', {
              date: format.dateTime(built.change.effective_from),
            }),
          );
        },
        onError: (error) => {
          const placed = placeServerErrors(error, termsChangeFieldOf, t);
          if (error instanceof ApiError && error.code === 'royalty_cut') {
            placed.fields.royalty_percent ??= t('terms.form.royaltyCut');
          }
          setErrors(placed.fields);
          const hasFields = Object.keys(placed.fields).length > 0;
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

  const busy = change.isPending;
  return (
    <form
      ref={formRef}
      className="form brand-settings-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-label={t('listings.terms.formLabel', { name: listing.design.name })}
      data-testid="terms-form"
    >
      <p className="brand-notice">{t('listings.terms.notice')}</p>
      <div className="brand-form-grid">
        <TextField
          name="price"
          label={t('terms.form.price', { currency: symbol })}
          value={draft.price}
          error={errors.price}
          onChange={set('price')}
          inputMode="decimal"
          autoComplete="off"
          autoFocus
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
          label={t('terms.form.fixed', { currency: symbol, item })}
          hint={t('terms.form.fixedHint')}
          value={draft.royalty_fixed}
          error={errors.royalty_fixed}
          onChange={set('royalty_fixed')}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextField
          name="effective_from"
          type="datetime-local"
          label={t('listings.terms.when')}
          hint={t('listings.terms.whenHint')}
          value={draft.effective_from}
          error={errors.effective_from}
          onChange={set('effective_from')}
        />
      </div>
      <p className="brand-live" data-testid="terms-preview">
        {t('terms.form.preview')}{' '}
        <output>{preview ? royaltyInWords(preview, t, format.language, item) : '—'}</output>
      </p>
      <FormError message={general} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('listings.terms.saving') : t('listings.terms.save')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            onDone(null);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
