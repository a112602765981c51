import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatGramsFromMg,
  formatMoney,
  formatMoneyDelta,
  localize,
  minorDigits,
  minorToDecimal,
} from './format';

// French puts a no-break space before the currency sign, and a narrow one between thousands.
const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** Units are spaced with whichever no-break space the ICU version prefers. */
const spaced = (text: string) => text.replace(/\s/gu, ' ');

describe('money from minor units', () => {
  it('reads 1250 EUR as €12.50 in English and 12,50 € in French', () => {
    const money = { amount_minor: 1250, currency: 'EUR' };
    expect(formatMoney(money, 'en')).toBe('€12.50');
    expect(formatMoney(money, 'fr')).toBe(`12,50${NBSP}€`);
  });

  it('keeps every cent of large and small amounts, and the sign of negative ones', () => {
    expect(formatMoney({ amount_minor: 123_456_789, currency: 'EUR' }, 'en')).toBe('€1,234,567.89');
    expect(formatMoney({ amount_minor: 123_456_789, currency: 'EUR' }, 'fr')).toBe(
      `1${NNBSP}234${NNBSP}567,89${NBSP}€`,
    );
    expect(formatMoney({ amount_minor: 5, currency: 'EUR' }, 'en')).toBe('€0.05');
    expect(formatMoney({ amount_minor: -250, currency: 'EUR' }, 'en')).toBe('-€2.50');
  });

  it('uses the currency’s own number of decimals', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(formatMoney({ amount_minor: 1250, currency: 'JPY' }, 'en')).toBe('¥1,250');
    expect(formatMoney({ amount_minor: 1250, currency: 'KWD' }, 'en')).toMatch(/^KWD\s1\.250$/);
  });

  it('signs a price difference: +€0.50, -€0.20, and nothing for none', () => {
    expect(formatMoneyDelta({ amount_minor: 50, currency: 'EUR' }, 'en')).toBe('+€0.50');
    expect(formatMoneyDelta({ amount_minor: 50, currency: 'EUR' }, 'fr')).toBe(`+0,50${NBSP}€`);
    expect(formatMoneyDelta({ amount_minor: -20, currency: 'EUR' }, 'en')).toBe('-€0.20');
    expect(formatMoneyDelta({ amount_minor: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
  });

  it('turns minor units into an exact decimal string without a float', () => {
    expect(minorToDecimal(1250, 2)).toBe('12.50');
    expect(minorToDecimal(-7, 2)).toBe('-0.07');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(1250, 0)).toBe('1250');
    expect(minorToDecimal(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
  });
});

describe('other quantities', () => {
  it('shows milligrams as grams with one decimal', () => {
    expect(spaced(formatGramsFromMg(12_345, 'en'))).toBe('12.3 g');
    expect(spaced(formatGramsFromMg(12_345, 'fr'))).toBe('12,3 g');
    expect(spaced(formatGramsFromMg(450, 'en'))).toBe('0.5 g');
    expect(spaced(formatGramsFromMg(0, 'en'))).toBe('0.0 g');
  });

  it('shows preparation times in minutes and seconds', () => {
    expect(spaced(formatDuration(45, 'en'))).toBe('45 sec');
    expect(spaced(formatDuration(150, 'en'))).toBe('2 min 30 sec');
    expect(spaced(formatDuration(120, 'fr'))).toBe('2 min');
  });

  it('picks the brand’s text in the reader’s language, English when it is missing', () => {
    expect(localize({ en: 'Bun', fr: 'Pain' }, 'fr')).toBe('Pain');
    expect(localize({ en: 'Bun', fr: '' }, 'fr')).toBe('Bun');
  });
});
