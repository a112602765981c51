import { useRef, useState, type ReactNode, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import { useUpdateTemplate } from '../api/update-template';
import type { BrandTemplate, TemplateChange, TemplateStatus } from '../types';
import {
  currencySymbol,
  moneyInputValue,
  parseMoney,
  parseWhole,
  type ParsedAmount,
} from '../utils/amounts';
import { amountMessage, changeErrors, type AmountKind } from '../utils/field-errors';
import { margin } from '../utils/margin';

const FIELDS = ['base_price', 'base_cost', 'base_prep_seconds', 'max_prep_seconds'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const KINDS: Record<Field, AmountKind> = {
  base_price: 'money',
  base_cost: 'money',
  base_prep_seconds: 'seconds',
  max_prep_seconds: 'seconds',
};

/**
 * A template's own figures (base price, cost, preparation, the longest preparation allowed)
 * and status; curators and administrators can change them, and retire the template or bring it
 * back.
 */
export function TemplateSettings({
  template,
  titleId,
  canEdit,
}: {
  template: BrandTemplate;
  titleId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const baseMargin = margin(template.base_price, template.base_cost);
  const retired = template.status === 'retired';
  const returnFocus = useRef(false);
  const focusOnMount = (node: HTMLButtonElement | null) => {
    if (node && returnFocus.current) {
      returnFocus.current = false;
      node.focus();
    }
  };

  return (
    <div className="brand-template-header" data-testid="brand-template-header">
      <h2 id={titleId}>
        {format.text(template.name)}{' '}
        {retired ? (
          <span className="badge badge-muted" data-testid="template-status">
            {t('brand.status.retired')}
          </span>
        ) : null}
      </h2>
      {retired ? <p className="muted">{t('brand.status.retiredNotice')}</p> : null}
      {saved && !editing ? (
        <Alert tone="success" testId="settings-saved">
          {t('brand.settings.saved')}
        </Alert>
      ) : null}
      {editing ? (
        <SettingsForm
          template={template}
          onDone={(didSave) => {
            returnFocus.current = true;
            setSaved(didSave);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <dl className="brand-base">
            <div>
              <dt>{t('brand.basePrice')}</dt>
              <dd>{format.money(template.base_price)}</dd>
            </div>
            <div>
              <dt>{t('brand.baseCost')}</dt>
              <dd>{format.money(template.base_cost)}</dd>
            </div>
            <div>
              <dt>{t('brand.margin')}</dt>
              <dd className={baseMargin && baseMargin.amount_minor < 0 ? 'negative' : undefined}>
                {baseMargin ? format.money(baseMargin) : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('brand.basePrep')}</dt>
              <dd>{format.duration(template.base_prep_seconds)}</dd>
            </div>
            <div>
              <dt>{t('brand.maxPrep')}</dt>
              <dd>
                {template.max_prep_seconds !== null
                  ? format.duration(template.max_prep_seconds)
                  : t('brand.settings.noLimit')}
              </dd>
            </div>
          </dl>
          {canEdit ? (
            <StatusAction template={template}>
              <button
                type="button"
                className="button button-ghost"
                ref={focusOnMount}
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('brand.settings.edit')}
              </button>
            </StatusAction>
          ) : null}
        </>
      )}
    </div>
  );
}

function SettingsForm({
  template,
  onDone,
}: {
  template: BrandTemplate;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateTemplate();
  const currency = template.base_price.currency;
  const symbol = currencySymbol(currency, format.language);
  const [values, setValues] = useState<Values>(() => ({
    base_price: moneyInputValue(template.base_price, format.language),
    base_cost: moneyInputValue(template.base_cost, format.language),
    base_prep_seconds: String(template.base_prep_seconds),
    max_prep_seconds: template.max_prep_seconds === null ? '' : String(template.max_prep_seconds),
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const parsed: Record<Field, ParsedAmount> = {
    base_price: parseMoney(values.base_price, currency),
    base_cost: parseMoney(values.base_cost, currency),
    base_prep_seconds: parseWhole(values.base_prep_seconds),
    max_prep_seconds: parseWhole(values.max_prep_seconds),
  };
  const noLimit = values.max_prep_seconds.trim() === '';
  const liveMargin =
    parsed.base_price.ok && parsed.base_cost.ok
      ? { amount_minor: parsed.base_price.value - parsed.base_cost.value, currency }
      : null;
  const durationHint = (field: 'base_prep_seconds' | 'max_prep_seconds') => {
    const result = parsed[field];
    return result.ok
      ? t('brand.settings.duration', { duration: format.duration(result.value) })
      : '';
  };

  const focusFirst = (found: Partial<Record<Field, string>>) => {
    const first = FIELDS.find((field) => found[field] !== undefined);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setGeneral(null);
    const found: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      if (field === 'max_prep_seconds' && noLimit) continue;
      const result = parsed[field];
      if (!result.ok)
        found[field] = amountMessage(result.problem, KINDS[field], t, format.language);
    }
    if (!noLimit && parsed.max_prep_seconds.ok && parsed.max_prep_seconds.value === 0) {
      found.max_prep_seconds = t('brand.settings.maxPrepZero');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    const change: TemplateChange = {};
    const { base_price, base_cost, base_prep_seconds, max_prep_seconds } = parsed;
    if (base_price.ok && base_price.value !== template.base_price.amount_minor) {
      change.base_price = base_price.value;
    }
    if (base_cost.ok && base_cost.value !== template.base_cost.amount_minor) {
      change.base_cost = base_cost.value;
    }
    if (base_prep_seconds.ok && base_prep_seconds.value !== template.base_prep_seconds) {
      change.base_prep_seconds = base_prep_seconds.value;
    }
    if (noLimit) {
      // 0 removes the limit.
      if (template.max_prep_seconds !== null) change.max_prep_seconds = 0;
    } else if (max_prep_seconds.ok && max_prep_seconds.value !== template.max_prep_seconds) {
      change.max_prep_seconds = max_prep_seconds.value;
    }
    if (Object.keys(change).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { templateId: template.id, change },
      {
        onSuccess: () => {
          onDone(true);
        },
        onError: (error) => {
          const placed = changeErrors(error, FIELDS, t, (e) => apiErrorMessage(e, t));
          setErrors(placed.fields);
          setGeneral(placed.general);
          focusFirst(placed.fields);
        },
      },
    );
  };

  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: errors[field],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    },
  });

  const busy = update.isPending;
  return (
    <form
      ref={formRef}
      className="form brand-settings-form"
      noValidate
      onSubmit={onSubmit}
      aria-busy={busy}
      aria-label={t('brand.settings.formLabel', { name: format.text(template.name) })}
      data-testid="template-settings-form"
    >
      <p className="brand-notice">{t('brand.publishedKeep')}</p>
      {general ? (
        <Alert tone="error" testId="settings-error">
          {general}
        </Alert>
      ) : null}
      <div className="brand-form-grid">
        <TextField
          {...bind('base_price')}
          label={t('brand.settings.basePrice', { currency: symbol })}
          inputMode="decimal"
          // The field the user asked to edit.
          autoFocus
        />
        <TextField
          {...bind('base_cost')}
          label={t('brand.settings.baseCost', { currency: symbol })}
          inputMode="decimal"
        />
        <TextField
          {...bind('base_prep_seconds')}
          label={t('brand.settings.basePrep')}
          hint={durationHint('base_prep_seconds') || t('brand.settings.inSeconds')}
          inputMode="numeric"
        />
        <TextField
          {...bind('max_prep_seconds')}
          label={t('brand.settings.maxPrep')}
          hint={
            noLimit
              ? t('brand.settings.maxPrepHint')
              : durationHint('max_prep_seconds') || t('brand.settings.maxPrepHint')
          }
          inputMode="numeric"
        />
      </div>
      <p className="brand-live">
        {t('brand.margin')}{' '}
        <output
          className={liveMargin && liveMargin.amount_minor < 0 ? 'negative' : undefined}
          data-testid="settings-margin"
        >
          {liveMargin ? format.money(liveMargin) : '—'}
        </output>
      </p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('brand.saving') : t('brand.settings.save')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            onDone(false);
          }}
        >
          {t('brand.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Retire the template, or bring it back, once the brand has confirmed; `children` (the other
 * actions) share its row.
 */
function StatusAction({ template, children }: { template: BrandTemplate; children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateTemplate();
  /** The status the brand is asked to confirm (fixed while the answer is on its way). */
  const [confirming, setConfirming] = useState<TemplateStatus | null>(null);
  const returnFocus = useRef(false);
  const retired = template.status === 'retired';
  const name = format.text(template.name);
  const confirmId = `confirm-status-${template.id}`;

  const close = () => {
    returnFocus.current = true;
    setConfirming(null);
  };
  return (
    <>
      <div className="button-row brand-status-action">
        {children}
        {confirming ? null : (
          <button
            type="button"
            className={retired ? 'button button-ghost' : 'button button-ghost brand-danger-text'}
            ref={(node) => {
              if (node && returnFocus.current) {
                returnFocus.current = false;
                node.focus();
              }
            }}
            onClick={() => {
              update.reset();
              setConfirming(retired ? 'active' : 'retired');
            }}
          >
            {retired ? t('brand.status.bringBack') : t('brand.status.retire')}
          </button>
        )}
      </div>
      {update.isError && !confirming ? (
        <Alert tone="error" testId="status-error">
          {apiErrorMessage(update.error, t)}
        </Alert>
      ) : null}
      {confirming !== null ? (
        <div
          className="confirm"
          role="group"
          aria-labelledby={confirmId}
          data-testid="confirm-status"
        >
          <p id={confirmId}>
            {confirming === 'active'
              ? t('brand.status.confirmBringBack', { name })
              : t('brand.status.confirmRetire', { name })}
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className={confirming === 'active' ? 'button button-primary' : 'button button-danger'}
              disabled={update.isPending}
              onClick={() => {
                update.mutate(
                  { templateId: template.id, change: { status: confirming } },
                  { onSettled: close },
                );
              }}
            >
              {confirming === 'active'
                ? update.isPending
                  ? t('brand.status.bringingBack')
                  : t('brand.status.bringBackNow')
                : update.isPending
                  ? t('brand.status.retiring')
                  : t('brand.status.retireNow')}
            </button>
            <button
              type="button"
              className="button button-ghost"
              // The safe choice is where the keyboard lands.
              autoFocus
              onClick={close}
            >
              {confirming === 'active'
                ? t('brand.status.keepRetired')
                : t('brand.status.keepActive')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
