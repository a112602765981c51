import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { BrandSettings } from '../types';
import { buildSettings, settingsDraft, settingsFieldOf } from './settings-form';

const t = i18n.getFixedT('en');

const settings: BrandSettings = {
  promotion: {
    min_ratings: 10,
    min_lower_bound: 3.5,
    min_would_buy: null,
    min_account_age_days: 3,
    require_verified_email: true,
  },
  review_days: 14,
  holding_days: 14,
  min_payout: { amount_minor: 2000, currency: 'EUR' },
  payout_schedule: 'monthly',
  currency: 'EUR',
  vat_bps: 1000,
};

describe('the brand’s settings form', () => {
  it('fills in the settings in force and sends them back unchanged', () => {
    const draft = settingsDraft(settings, 'fr');
    expect(draft).toMatchObject({
      min_lower_bound: '3,5',
      min_would_buy: '',
      min_payout: '20,00',
      vat_percent: '10',
    });
    expect(buildSettings(draft, t, 'fr').settings).toEqual(settings);
  });

  it('reads a would-buy minimum, a finer score and a new currency', () => {
    const draft = {
      ...settingsDraft(settings, 'en'),
      min_would_buy: '3',
      min_lower_bound: '3.75',
      currency: 'usd',
      min_payout: '25',
      vat_percent: '5.5',
    };
    expect(buildSettings(draft, t, 'en').settings).toMatchObject({
      promotion: { min_would_buy: 3, min_lower_bound: 3.75 },
      currency: 'USD',
      min_payout: { amount_minor: 2500, currency: 'USD' },
      vat_bps: 550,
    });
  });

  it('says what does not read, field by field', () => {
    const draft = {
      ...settingsDraft(settings, 'en'),
      min_ratings: '-1',
      min_lower_bound: '6',
      review_days: '0',
      currency: 'EURO',
      vat_percent: '120',
    };
    expect(buildSettings(draft, t, 'en').errors).toEqual({
      min_ratings: 'This may not be negative.',
      min_lower_bound: 'Enter a score from 0 to 5, like 3.5.',
      review_days: 'At least 1.',
      currency: 'Enter a three-letter currency code, like EUR.',
      vat_percent: 'A share is between 0 and 100 %.',
    });
  });

  it('puts the server’s field errors beside the fields', () => {
    expect(settingsFieldOf('promotion.min_ratings')).toBe('min_ratings');
    expect(settingsFieldOf('min_payout.amount_minor')).toBe('min_payout');
    expect(settingsFieldOf('vat_bps')).toBe('vat_percent');
    expect(settingsFieldOf('payout_schedule')).toBe('payout_schedule');
    expect(settingsFieldOf('something_else')).toBeNull();
  });
});
