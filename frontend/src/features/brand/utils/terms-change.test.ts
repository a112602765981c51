import { describe, expect, it } from 'vitest';
import { localDateTimeMs } from '@/lib/dates';
import { i18n } from '@/lib/i18n';
import { terms } from '../testing/fixtures';
import { buildTermsChange, termsChangeFieldOf, type TermsChangeDraft } from './terms-change';

const t = i18n.getFixedT('en');
const now = Date.UTC(2026, 10, 20, 10);

function draft(overrides: Partial<TermsChangeDraft> = {}): TermsChangeDraft {
  return {
    price: '13.50',
    royalty_percent: '6',
    royalty_fixed: '0.25',
    effective_from: '2026-12-01T00:00',
    ...overrides,
  };
}

const build = (d: TermsChangeDraft) => buildTermsChange(d, terms(), { now, t, language: 'en' });

describe('new terms for a listing', () => {
  it('sends them in minor units from a local moment', () => {
    expect(build(draft()).change).toEqual({
      price: { amount_minor: 1350, currency: 'EUR' },
      royalty_bps: 600,
      royalty_fixed: { amount_minor: 25, currency: 'EUR' },
      effective_from: localDateTimeMs('2026-12-01T00:00'),
    });
  });

  it('starts them in the future only', () => {
    expect(build(draft({ effective_from: '2026-11-01T12:00' })).errors).toEqual({
      effective_from: 'Choose a moment in the future.',
    });
    expect(build(draft({ effective_from: '' })).errors).toEqual({
      effective_from: 'This field is required.',
    });
  });

  it('refuses to cut either royalty part, which needs the creators’ consent', () => {
    expect(build(draft({ royalty_percent: '4' })).errors).toEqual({
      royalty_percent: expect.stringMatching(/cannot go down/) as unknown,
    });
    expect(build(draft({ royalty_fixed: '' })).errors).toEqual({
      royalty_fixed: expect.stringMatching(/cannot go down/) as unknown,
    });
    // The price may go either way.
    expect(build(draft({ price: '9.90' })).errors).toBeNull();
  });

  it('puts the server’s field errors beside the fields', () => {
    expect(termsChangeFieldOf('effective_from')).toBe('effective_from');
    expect(termsChangeFieldOf('price.amount_minor')).toBe('price');
    expect(termsChangeFieldOf('royalty_bps')).toBe('royalty_percent');
  });
});
