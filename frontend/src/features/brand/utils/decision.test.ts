import { describe, expect, it } from 'vitest';
import { localMidnightMs } from '@/lib/dates';
import { i18n } from '@/lib/i18n';
import { buildDecision, decisionFieldOf, type DecisionDraft } from './decision';

const t = i18n.getFixedT('en');
const now = Date.UTC(2026, 10, 20, 10);

function draft(overrides: Partial<DecisionDraft> = {}): DecisionDraft {
  return {
    decision: 'approved',
    price: '12.50',
    royalty_percent: '5',
    royalty_fixed: '0.25',
    starts_on: '2026-12-01',
    reason: '',
    ...overrides,
  };
}

const build = (d: DecisionDraft) => buildDecision(d, { currency: 'EUR', now, t, language: 'en' });

describe('a curator’s decision, read from the form', () => {
  it('sends an approval with exact minor units and the first day at local midnight', () => {
    expect(build(draft({ reason: '  Welcome to the menu!  ' })).body).toEqual({
      decision: 'approved',
      reason: 'Welcome to the menu!',
      terms: {
        price: { amount_minor: 1250, currency: 'EUR' },
        royalty_bps: 500,
        royalty_fixed: { amount_minor: 25, currency: 'EUR' },
        starts_at: localMidnightMs('2026-12-01'),
      },
    });
  });

  it('takes either royalty part alone, and a share with two decimals', () => {
    expect(build(draft({ royalty_fixed: '' })).body).toMatchObject({
      terms: { royalty_bps: 500, royalty_fixed: null },
    });
    expect(build(draft({ royalty_percent: '', royalty_fixed: '0.40' })).body).toMatchObject({
      terms: { royalty_bps: 0, royalty_fixed: { amount_minor: 40 } },
    });
    expect(build(draft({ royalty_percent: '12,25' })).body).toMatchObject({
      terms: { royalty_bps: 1225 },
    });
  });

  it('says what is wrong with the terms, field by field', () => {
    expect(build(draft({ price: '0', royalty_percent: '101', royalty_fixed: 'x' })).errors).toEqual(
      {
        price: 'The price must be above zero.',
        royalty_percent: 'A share is between 0 and 100 %.',
        royalty_fixed: 'Enter an amount like 1.50.',
      },
    );
    expect(build(draft({ royalty_percent: '', royalty_fixed: '' })).errors).toEqual({
      royalty_percent: 'Set a share, an amount per unit, or both.',
    });
    expect(build(draft({ royalty_fixed: '12.50' })).errors).toEqual({
      royalty_fixed: 'The amount per unit must be below the price.',
    });
    expect(build(draft({ royalty_percent: '5.555' })).errors?.royalty_percent).toMatch(
      /two decimals/,
    );
  });

  it('keeps the first day between today and a year from now', () => {
    expect(build(draft({ starts_on: '2026-11-20' })).errors).toBeNull();
    expect(build(draft({ starts_on: '2026-11-18' })).errors).toEqual({
      starts_on: 'Choose today or a later day.',
    });
    expect(build(draft({ starts_on: '2028-01-01' })).errors).toEqual({
      starts_on: 'Choose a day within a year.',
    });
    expect(build(draft({ starts_on: '' })).errors).toEqual({
      starts_on: 'This field is required.',
    });
  });

  it('needs a reason of 10 to 2000 characters to ask for changes or reject', () => {
    expect(build(draft({ decision: 'rejected', reason: '' })).errors).toEqual({
      reason: 'Say why: the creators read it.',
    });
    expect(build(draft({ decision: 'rejected', reason: ' too dry  ' })).errors).toEqual({
      reason: 'Write at least 10 characters.',
    });
    expect(build(draft({ decision: 'rejected', reason: 'x'.repeat(2001) })).errors).toEqual({
      reason: 'Write at most 2000 characters.',
    });
    // The terms do not matter then.
    expect(
      build(draft({ decision: 'changes_requested', price: '', reason: 'Less sauce, please.' }))
        .body,
    ).toEqual({ decision: 'changes_requested', reason: 'Less sauce, please.' });
  });

  it('puts the server’s field errors beside the form’s fields', () => {
    expect(decisionFieldOf('terms.price.amount_minor')).toBe('price');
    expect(decisionFieldOf('terms.price.currency')).toBe('price');
    expect(decisionFieldOf('terms.royalty_bps')).toBe('royalty_percent');
    expect(decisionFieldOf('terms.royalty_fixed')).toBe('royalty_fixed');
    expect(decisionFieldOf('terms.starts_at')).toBe('starts_on');
    expect(decisionFieldOf('reason')).toBe('reason');
    expect(decisionFieldOf('terms')).toBeNull();
  });
});
