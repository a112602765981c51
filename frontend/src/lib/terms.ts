/**
 * A listing's royalty terms in plain words, for the creators who accept them and the brand who
 * sets them: "5% of net line revenue + €0.25 per burger sold".
 */
import type { TFunction } from 'i18next';
import type { Money } from '@/types/studio';
import { formatMoney } from './format';
import type { Language } from './i18n';

export interface RoyaltyParts {
  /** A share of net line revenue in basis points (500 = 5 %). */
  royalty_bps: number;
  /** An amount per unit sold; null or zero for none. */
  royalty_fixed: Money | null;
}

/** Basis points as a percentage: 500 -> "5%" ("5 %" in French), 1250 -> "12.5%". */
export function formatBps(bps: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(
    bps / 10000,
  );
}

/**
 * The royalty in words. `item` names what is sold ("burger"); without it, "per unit sold".
 * The parts that are zero are left out.
 */
export function royaltyInWords(
  terms: RoyaltyParts,
  t: TFunction,
  language: Language,
  item?: string,
): string {
  const parts: string[] = [];
  if (terms.royalty_bps > 0) {
    parts.push(t('terms.share', { percent: formatBps(terms.royalty_bps, language) }));
  }
  const fixed = terms.royalty_fixed;
  if (fixed && fixed.amount_minor > 0) {
    const amount = formatMoney(fixed, language);
    parts.push(item ? t('terms.perItem', { amount, item }) : t('terms.perUnit', { amount }));
  }
  if (parts.length === 0) return t('terms.none');
  return parts.join(' + ');
}

/** What is sold, in the middle of a sentence: a template's name in lower case ("burger"). */
export function itemName(templateName: string, language: Language): string {
  return templateName.toLocaleLowerCase(language);
}
