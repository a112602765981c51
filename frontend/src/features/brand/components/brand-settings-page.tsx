import { useId, useRef, useState, type ChangeEvent, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FormError } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { TextField } from '@/components/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFormatters } from '@/hooks/use-formatters';
import { isAdmin, useSession } from '@/lib/auth';
import { apiErrorMessage } from '@/lib/errors';
import { formatBps } from '@/lib/terms';
import { useBrandSettings } from '../api/get-brand-settings';
import { useUpdateBrandSettings } from '../api/update-brand-settings';
import type { BrandSettings } from '../types';
import { currencySymbol } from '../utils/amounts';
import {
  buildSettings,
  SETTINGS_FIELDS,
  settingsDraft,
  settingsFieldOf,
  type SettingsDraft,
  type SettingsField,
} from '../utils/settings-form';
import { placeServerErrors } from '../utils/terms-form';
import { BrandNav } from './brand-nav';
import '../brand.css';

/**
 * /brand/settings: what a design needs to reach the brand, how long the brand takes to answer,
 * and how creators are paid. Everyone on the brand's team reads them; administrators change them.
 */
export function BrandSettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useBrandSettings();
  const admin = isAdmin(session.session?.account);
  useDocumentTitle(t('brandSettings.title'));

  return (
    <div className="page" data-testid="brand-settings-page">
      <BrandNav />
      <header className="page-header">
        <h1>{t('brandSettings.title')}</h1>
        <p className="lead">
          {admin ? t('brandSettings.leadAdmin') : t('brandSettings.leadReadOnly')}
        </p>
      </header>
      {settings.isPending ? (
        <LoadingState label={t('brandSettings.loading')} />
      ) : settings.isError ? (
        <Alert tone="error">{apiErrorMessage(settings.error, t)}</Alert>
      ) : admin ? (
        <SettingsForm settings={settings.data} />
      ) : (
        <SettingsView settings={settings.data} />
      )}
    </div>
  );
}

function SettingsView({ settings }: { settings: BrandSettings }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { promotion } = settings;
  const rows: [string, string][] = [
    [t('brandSettings.fields.min_ratings'), format.integer(promotion.min_ratings)],
    [t('brandSettings.fields.min_lower_bound'), format.score(promotion.min_lower_bound)],
    [
      t('brandSettings.fields.min_would_buy'),
      promotion.min_would_buy === null
        ? t('brandSettings.notRequired')
        : format.integer(promotion.min_would_buy),
    ],
    [
      t('brandSettings.fields.min_account_age_days'),
      t('brandSettings.days', { count: promotion.min_account_age_days }),
    ],
    [
      t('brandSettings.fields.require_verified_email'),
      promotion.require_verified_email ? t('brandSettings.yes') : t('brandSettings.no'),
    ],
    [
      t('brandSettings.fields.review_days'),
      t('brandSettings.days', { count: settings.review_days }),
    ],
    [
      t('brandSettings.fields.holding_days'),
      t('brandSettings.days', { count: settings.holding_days }),
    ],
    [t('brandSettings.fields.min_payout'), format.money(settings.min_payout)],
    [
      t('brandSettings.fields.payout_schedule'),
      t(`brandSettings.schedule.${settings.payout_schedule}`),
    ],
    [t('brandSettings.fields.currency'), settings.currency],
    [t('brandSettings.fields.vat_percent'), formatBps(settings.vat_bps, format.language)],
  ];
  return (
    <dl className="details settings-view" data-testid="settings-view">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SettingsForm({ settings }: { settings: BrandSettings }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const scheduleId = useId();
  const update = useUpdateBrandSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings, format.language));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string | undefined>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const symbol = /^[A-Z]{3}$/u.test(draft.currency.trim().toUpperCase())
    ? currencySymbol(draft.currency.trim().toUpperCase(), format.language)
    : draft.currency;

  const edit = (field: SettingsField, value: string | boolean) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    update.reset();
  };
  const bind = (field: Exclude<SettingsField, 'require_verified_email' | 'payout_schedule'>) => ({
    name: field,
    label: t(`brandSettings.fields.${field}`),
    value: draft[field],
    error: errors[field],
    autoComplete: 'off',
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      edit(field, event.target.value);
    },
  });

  const focusFirst = (found: Partial<Record<SettingsField, string | undefined>>) => {
    const first = SETTINGS_FIELDS.find((field) => found[field] !== undefined);
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const submit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    setGeneral(null);
    const built = buildSettings(draft, t, format.language);
    if (built.errors) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    setErrors({});
    update.mutate(built.settings, {
      onError: (error) => {
        const placed = placeServerErrors(error, settingsFieldOf, t);
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
    });
  };

  const busy = update.isPending;
  return (
    <form
      ref={formRef}
      className="form brand-new-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-label={t('brandSettings.title')}
      data-testid="settings-form"
    >
      <fieldset className="brand-section-fieldset">
        <legend>{t('brandSettings.sections.promotion')}</legend>
        <p className="brand-notice">{t('brandSettings.promotionNotice')}</p>
        <div className="brand-form-grid">
          <TextField {...bind('min_ratings')} inputMode="numeric" />
          <TextField
            {...bind('min_lower_bound')}
            hint={t('brandSettings.lowerBoundHint')}
            inputMode="decimal"
          />
          <TextField
            {...bind('min_would_buy')}
            hint={t('brandSettings.wouldBuyHint')}
            inputMode="numeric"
          />
          <TextField
            {...bind('min_account_age_days')}
            hint={t('brandSettings.ageHint')}
            inputMode="numeric"
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            name="require_verified_email"
            checked={draft.require_verified_email}
            onChange={(event) => {
              edit('require_verified_email', event.target.checked);
            }}
          />{' '}
          {t('brandSettings.fields.require_verified_email')}
        </label>
      </fieldset>
      <fieldset className="brand-section-fieldset">
        <legend>{t('brandSettings.sections.reviews')}</legend>
        <div className="brand-form-grid">
          <TextField
            {...bind('review_days')}
            hint={t('brandSettings.reviewDaysHint')}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <fieldset className="brand-section-fieldset">
        <legend>{t('brandSettings.sections.payouts')}</legend>
        <div className="brand-form-grid">
          <TextField
            {...bind('holding_days')}
            hint={t('brandSettings.holdingHint')}
            inputMode="numeric"
          />
          <TextField
            {...bind('min_payout')}
            label={t('brandSettings.minPayoutIn', { currency: symbol })}
            inputMode="decimal"
          />
          <div className="field">
            <label htmlFor={scheduleId}>{t('brandSettings.fields.payout_schedule')}</label>
            <select
              id={scheduleId}
              name="payout_schedule"
              className="select"
              value={draft.payout_schedule}
              onChange={(event) => {
                edit('payout_schedule', event.target.value === 'weekly' ? 'weekly' : 'monthly');
              }}
            >
              <option value="weekly">{t('brandSettings.schedule.weekly')}</option>
              <option value="monthly">{t('brandSettings.schedule.monthly')}</option>
            </select>
          </div>
          <TextField
            {...bind('currency')}
            hint={t('brandSettings.currencyHint')}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField {...bind('vat_percent')} inputMode="decimal" />
        </div>
      </fieldset>
      <FormError message={general} />
      {update.isSuccess ? (
        <Alert tone="success" testId="settings-saved">
          {t('brandSettings.saved')}
        </Alert>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('brand.saving') : t('brandSettings.save')}
        </button>
      </div>
    </form>
  );
}
