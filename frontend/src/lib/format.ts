/**
 * Numbers as people read them, in the page's language: money from integer minor units, grams
 * from milligrams, durations. Amounts go to Intl as exact decimal strings, never through a
 * float, so a large price cannot pick up a rounding error on its way to the screen.
 */
import type { Localized, Money } from '@/types/studio';
import type { Language } from './i18n';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** How many minor digits a currency has as Intl knows it: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return (
    numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An integer count of `10^-digits` as an exact decimal string: (-1250, 2) -> "-12.50". */
export function minorToDecimal(amount: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole amount: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount));
  if (digits <= 0) return `${sign}${units}` as `${number}`;
  const padded = units.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}` as `${number}`;
}

/** "€12.50" in English, "12,50 €" in French. */
export function formatMoney(money: Money, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency: money.currency }).format(
    minorToDecimal(money.amount_minor, minorDigits(money.currency)),
  );
}

/** A price difference, signed: "+€0.50", "-€0.20", and "€0.00" for none. */
export function formatMoneyDelta(money: Money, locale: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    signDisplay: 'exceptZero',
  }).format(minorToDecimal(money.amount_minor, minorDigits(money.currency)));
}

/** Grams with one decimal from milligrams: 12345 -> "12.3 g" / "12,3 g". */
export function formatGramsFromMg(milligrams: number, locale: string): string {
  const tenths = Math.round(milligrams / 100);
  return numberFormat(locale, {
    style: 'unit',
    unit: 'gram',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(minorToDecimal(tenths, 1));
}

export function formatInteger(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A preparation time: "45 sec", "2 min 30 sec" ("45 s", "2 min 30 s" in French). */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return unit(rest, 'second');
  return rest === 0
    ? unit(minutes, 'minute')
    : `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
}

/**
 * The brand's text in the reader's language, or the English one if that is missing. A plain
 * string (the server already chose the language) is shown as it is.
 */
export function localize(text: Localized | string, language: Language): string {
  if (typeof text === 'string') return text;
  return text[language] || text.en;
}
