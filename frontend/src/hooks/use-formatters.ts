import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDuration,
  formatGramsFromMg,
  formatInteger,
  formatMoney,
  formatMoneyDelta,
  localize,
} from '@/lib/format';
import { isLanguage, type Language } from '@/lib/i18n';
import type { Localized, Money } from '@/types/studio';

/** The formatters of `@/lib/format`, bound to the page's language (and re-bound on a switch). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return useMemo(
    () => ({
      language,
      money: (money: Money) => formatMoney(money, language),
      moneyDelta: (money: Money) => formatMoneyDelta(money, language),
      grams: (milligrams: number) => formatGramsFromMg(milligrams, language),
      integer: (value: number) => formatInteger(value, language),
      duration: (seconds: number) => formatDuration(seconds, language),
      text: (text: Localized | string) => localize(text, language),
      /** An average of stars, with one decimal: 4.56 -> "4.6" ("4,6" in French). */
      stars: (average: number) =>
        new Intl.NumberFormat(language, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(average),
      /** A cautious estimate of an average, with two decimals: 3.7142 -> "3.71". */
      score: (value: number) =>
        new Intl.NumberFormat(language, {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }).format(value),
      /** "a, b and c" ("a, b et c"); `unit` leaves out the "and": "a, b, c". */
      list: (items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction') =>
        new Intl.ListFormat(language, { type }).format(items),
      /** A moment, to the minute: "22 Nov 2026, 14:05". */
      dateTime: (unixMs: number) =>
        new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(unixMs),
        ),
      /** A day: "22 Nov 2026". */
      date: (unixMs: number) =>
        new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(unixMs)),
      /** A time of day, to the minute: "14:05" ("2:05 PM" where that is the custom). */
      time: (unixMs: number) =>
        new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(unixMs)),
      /** A share in basis points as a percentage: 2500 -> "25%", 1250 -> "12.5%". */
      share: (bps: number) =>
        new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(
          bps / 10000,
        ),
    }),
    [language],
  );
}
