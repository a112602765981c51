/**
 * What the brand types into a number field, read exactly: "1.50" € is 150 cents, "12.5" g is
 * 12500 mg, "90" s is 90 seconds. Digits are moved as text and read as a whole number, never
 * through a float, so "0.29" cannot turn into 28 cents. The opposite of `minorToDecimal`.
 */
import { minorDigits, minorToDecimal } from '@/lib/format';
import type { Language } from '@/lib/i18n';
import type { Money } from '@/types/studio';

export type AmountProblem = 'required' | 'invalid' | 'too_precise' | 'negative' | 'too_large';

export type ParsedAmount = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/** A sign, digits, and at most one decimal point or comma (French writes "1,50"). */
const DECIMAL = /^([+-])?(\d*)(?:[.,](\d*))?$/;

/**
 * A decimal number as a whole count of `10^-digits`: ("1.35", 2) -> 135, ("12,5", 3) -> 12500,
 * ("90", 0) -> 90. Spaces (thousands in French) are ignored. Refuses text that is not a number
 * ("abc", "1.2.3"), more decimals than `digits` ("1.234" for euros), a minus unless
 * `allowNegative`, and amounts beyond what a JavaScript number holds exactly.
 */
export function parseDecimal(
  text: string,
  digits: number,
  { allowNegative = false }: { allowNegative?: boolean } = {},
): ParsedAmount {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '').replace(/^\u2212/u, '-');
  if (compact === '') return { ok: false, problem: 'required' };
  const match = DECIMAL.exec(compact);
  if (!match) return { ok: false, problem: 'invalid' };
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return { ok: false, problem: 'invalid' };
  if (fraction.length > digits) return { ok: false, problem: 'too_precise' };
  const units = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/u, '');
  // A whole number of up to 16 digits reads exactly when it is a safe integer; a larger one
  // reads as 2^53 or more, which is not, so nothing rounds its way in.
  const magnitude = units.length <= 16 ? Number(units) : Number.NaN;
  if (!Number.isSafeInteger(magnitude)) return { ok: false, problem: 'too_large' };
  if (magnitude === 0) return { ok: true, value: 0 };
  if (sign === '-') {
    return allowNegative ? { ok: true, value: -magnitude } : { ok: false, problem: 'negative' };
  }
  return { ok: true, value: magnitude };
}

/** An amount typed in a currency's major unit ("1.50" €) as minor units (150). */
export function parseMoney(
  text: string,
  currency: string,
  options: { allowNegative?: boolean } = {},
): ParsedAmount {
  return parseDecimal(text, minorDigits(currency), options);
}

/** Grams with up to three decimals as milligrams: "12.5" -> 12500. */
export function parseGramsToMg(text: string): ParsedAmount {
  return parseDecimal(text, 3);
}

/** A whole number (seconds, kilocalories, counts). */
export function parseWhole(text: string, options: { allowNegative?: boolean } = {}): ParsedAmount {
  return parseDecimal(text, 0, options);
}

/** An amount as the brand would type it, to fill a field: 150 EUR -> "1.50" ("1,50" in French). */
export function moneyInputValue(money: Money, language: Language): string {
  const text = minorToDecimal(money.amount_minor, minorDigits(money.currency));
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** "€" for EUR, "$" for USD: to say in a label which unit a field is in. */
export function currencySymbol(currency: string, language: Language): string {
  const parts = new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}
