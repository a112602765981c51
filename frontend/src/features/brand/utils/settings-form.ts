/** The brand's settings as the admin types them, read exactly into `PUT /brand/settings`. */
import type { TFunction } from 'i18next';
import type { Language } from '@/lib/i18n';
import type { BrandSettings } from '../types';
import { moneyInputValue, parseDecimal, parseMoney, parseWhole } from './amounts';
import { amountMessage } from './field-errors';
import { bpsInputValue, percentToBps } from './terms-form';

export interface SettingsDraft {
  min_ratings: string;
  /** The cautious average to reach, 0 to 5, two decimals at most. */
  min_lower_bound: string;
  /** Empty: not required. */
  min_would_buy: string;
  min_account_age_days: string;
  require_verified_email: boolean;
  review_days: string;
  holding_days: string;
  min_payout: string;
  payout_schedule: 'weekly' | 'monthly';
  currency: string;
  /** VAT in percent ("10" for 10 %). */
  vat_percent: string;
}

export type SettingsField = keyof SettingsDraft;

/** In the order the form shows them: the first in error gets the focus. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'min_ratings',
  'min_lower_bound',
  'min_would_buy',
  'min_account_age_days',
  'require_verified_email',
  'review_days',
  'holding_days',
  'min_payout',
  'payout_schedule',
  'currency',
  'vat_percent',
];

const comma = (text: string, language: Language) =>
  language === 'fr' ? text.replace('.', ',') : text;

/** The form filled with the settings in force. */
export function settingsDraft(settings: BrandSettings, language: Language): SettingsDraft {
  const { promotion } = settings;
  return {
    min_ratings: String(promotion.min_ratings),
    min_lower_bound: comma(String(promotion.min_lower_bound), language),
    min_would_buy: promotion.min_would_buy === null ? '' : String(promotion.min_would_buy),
    min_account_age_days: String(promotion.min_account_age_days),
    require_verified_email: promotion.require_verified_email,
    review_days: String(settings.review_days),
    holding_days: String(settings.holding_days),
    min_payout: moneyInputValue(settings.min_payout, language),
    payout_schedule: settings.payout_schedule,
    currency: settings.currency,
    vat_percent: bpsInputValue(settings.vat_bps, language),
  };
}

/** The settings to send, or a message beside each field that does not read. */
export function buildSettings(
  draft: SettingsDraft,
  t: TFunction,
  language: Language,
):
  | { settings: BrandSettings; errors: null }
  | { settings: null; errors: Partial<Record<SettingsField, string>> } {
  const errors: Partial<Record<SettingsField, string>> = {};
  const whole = (field: SettingsField, text: string, min = 0): number => {
    const parsed = parseWhole(text);
    if (!parsed.ok) {
      errors[field] = amountMessage(parsed.problem, 'whole', t, language);
      return 0;
    }
    if (parsed.value < min) errors[field] = t('brandSettings.atLeast', { min });
    return parsed.value;
  };

  const minRatings = whole('min_ratings', draft.min_ratings);
  const lowerBound = parseDecimal(draft.min_lower_bound, 2);
  if (!lowerBound.ok || lowerBound.value > 500) {
    errors.min_lower_bound = t('brandSettings.lowerBoundRange', {
      example: comma('3.5', language),
    });
  }
  const wouldBuy =
    draft.min_would_buy.trim() === '' ? null : whole('min_would_buy', draft.min_would_buy);
  const ageDays = whole('min_account_age_days', draft.min_account_age_days);
  const reviewDays = whole('review_days', draft.review_days, 1);
  const holdingDays = whole('holding_days', draft.holding_days);

  const currency = draft.currency.trim().toUpperCase();
  let currencyOk = /^[A-Z]{3}$/u.test(currency);
  if (currencyOk) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency });
    } catch {
      currencyOk = false;
    }
  }
  if (!currencyOk) errors.currency = t('brandSettings.currencyInvalid');
  const payout = parseMoney(draft.min_payout, currencyOk ? currency : 'EUR');
  if (!payout.ok) errors.min_payout = amountMessage(payout.problem, 'money', t, language);

  const vat = percentToBps(draft.vat_percent);
  if (!vat.ok || vat.value > 10000) {
    errors.vat_percent = vat.ok
      ? t('terms.form.percentRange')
      : t('terms.form.percentInvalid', { example: comma('5.5', language) });
  }

  if (Object.keys(errors).length > 0 || !lowerBound.ok || !payout.ok || !vat.ok) {
    return { settings: null, errors };
  }
  return {
    settings: {
      promotion: {
        min_ratings: minRatings,
        // A score, not money: two decimals read exactly, then sent as the number it is.
        min_lower_bound: lowerBound.value / 100,
        min_would_buy: wouldBuy,
        min_account_age_days: ageDays,
        require_verified_email: draft.require_verified_email,
      },
      review_days: reviewDays,
      holding_days: holdingDays,
      min_payout: { amount_minor: payout.value, currency },
      payout_schedule: draft.payout_schedule,
      currency,
      vat_bps: vat.value,
    },
    errors: null,
  };
}

/** Where the server's field errors go: `promotion.min_ratings` -> `min_ratings`, ... */
export function settingsFieldOf(serverField: string): SettingsField | null {
  const path = serverField.startsWith('promotion.')
    ? serverField.slice('promotion.'.length)
    : serverField;
  if (path === 'min_payout' || path.startsWith('min_payout.')) return 'min_payout';
  if (path === 'vat_bps') return 'vat_percent';
  return (SETTINGS_FIELDS as readonly string[]).includes(path) ? (path as SettingsField) : null;
}
