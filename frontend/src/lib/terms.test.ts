import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { formatBps, itemName, royaltyInWords } from './terms';

const eur = (amount_minor: number) => ({ amount_minor, currency: 'EUR' });
// French spaces units with a no-break space (narrow or not, as the ICU version prefers).
const spaced = (text: string) => text.replace(/\s/gu, ' ');

describe('royalty terms in plain words', () => {
  it('says both parts, each only when above zero', () => {
    const t = i18n.getFixedT('en');
    expect(royaltyInWords({ royalty_bps: 500, royalty_fixed: eur(25) }, t, 'en', 'burger')).toBe(
      '5% of net line revenue + €0.25 per burger sold',
    );
    expect(royaltyInWords({ royalty_bps: 1250, royalty_fixed: null }, t, 'en')).toBe(
      '12.5% of net line revenue',
    );
    expect(royaltyInWords({ royalty_bps: 0, royalty_fixed: eur(40) }, t, 'en')).toBe(
      '€0.40 per unit sold',
    );
    expect(royaltyInWords({ royalty_bps: 0, royalty_fixed: eur(0) }, t, 'en')).toBe('no royalty');
  });

  it('says them in French too', () => {
    const t = i18n.getFixedT('fr');
    expect(
      spaced(royaltyInWords({ royalty_bps: 500, royalty_fixed: eur(25) }, t, 'fr', 'burger')),
    ).toBe('5 % du chiffre d’affaires net de la ligne + 0,25 € par burger vendu');
  });

  it('reads basis points as percentages and names the item in lower case', () => {
    expect(formatBps(7000, 'en')).toBe('70%');
    expect(formatBps(1, 'en')).toBe('0.01%');
    expect(spaced(formatBps(550, 'fr'))).toBe('5,5 %');
    expect(itemName('Burger', 'en')).toBe('burger');
  });
});
