import { describe, expect, it } from 'vitest';
import {
  currencySymbol,
  moneyInputValue,
  parseDecimal,
  parseGramsToMg,
  parseMoney,
  parseWhole,
} from './amounts';

describe('euros typed by the brand, as minor units', () => {
  it('reads euros and cents exactly', () => {
    expect(parseMoney('1.35', 'EUR')).toEqual({ ok: true, value: 135 });
    expect(parseMoney('1.5', 'EUR')).toEqual({ ok: true, value: 150 });
    expect(parseMoney('8', 'EUR')).toEqual({ ok: true, value: 800 });
    expect(parseMoney('0.29', 'EUR')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('.5', 'EUR')).toEqual({ ok: true, value: 50 });
    expect(parseMoney(' 12,50 ', 'EUR')).toEqual({ ok: true, value: 1250 });
    expect(parseMoney('1 234,56', 'EUR')).toEqual({ ok: true, value: 123456 });
    expect(parseMoney('0', 'EUR')).toEqual({ ok: true, value: 0 });
  });

  it('refuses "1.234" (a tenth of a cent) and "abc"', () => {
    expect(parseMoney('1.234', 'EUR')).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseMoney('abc', 'EUR')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseMoney('1.2.3', 'EUR')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseMoney('1e3', 'EUR')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseMoney('.', 'EUR')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseMoney('', 'EUR')).toEqual({ ok: false, problem: 'required' });
  });

  it('takes a minus only where a negative amount makes sense', () => {
    expect(parseMoney('-0.50', 'EUR')).toEqual({ ok: false, problem: 'negative' });
    expect(parseMoney('-0.50', 'EUR', { allowNegative: true })).toEqual({ ok: true, value: -50 });
    expect(parseMoney('-0', 'EUR')).toEqual({ ok: true, value: 0 });
  });

  it('follows the currency’s decimals and refuses what a number cannot hold', () => {
    expect(parseMoney('1250', 'JPY')).toEqual({ ok: true, value: 1250 });
    expect(parseMoney('12.5', 'JPY')).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseMoney('90071992547409.91', 'EUR')).toEqual({
      ok: true,
      value: 9_007_199_254_740_991,
    });
    expect(parseMoney('90071992547409.92', 'EUR')).toEqual({ ok: false, problem: 'too_large' });
  });

  it('fills a field with the amount as typed, in the reader’s language', () => {
    expect(moneyInputValue({ amount_minor: 150, currency: 'EUR' }, 'en')).toBe('1.50');
    expect(moneyInputValue({ amount_minor: -5, currency: 'EUR' }, 'fr')).toBe('-0,05');
    expect(currencySymbol('EUR', 'en')).toBe('€');
  });
});

describe('other quantities typed by the brand', () => {
  it('reads grams as milligrams and seconds as whole numbers', () => {
    expect(parseGramsToMg('12.5')).toEqual({ ok: true, value: 12500 });
    expect(parseGramsToMg('0,125')).toEqual({ ok: true, value: 125 });
    expect(parseGramsToMg('0.1234')).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseWhole('90')).toEqual({ ok: true, value: 90 });
    expect(parseWhole('1.5')).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseDecimal('007', 0)).toEqual({ ok: true, value: 7 });
  });
});
