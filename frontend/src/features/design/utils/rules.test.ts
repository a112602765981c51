import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { groupRuleText } from './rules';

const rule = (min_choices: number, max_choices: number) =>
  groupRuleText({ min_choices, max_choices }, i18n.t);

describe('a group’s rule in words', () => {
  it('says "choose 1", "choose up to 3" and "choose 1 to 2"', () => {
    expect(rule(1, 1)).toBe('Choose 1');
    expect(rule(2, 2)).toBe('Choose 2');
    expect(rule(0, 3)).toBe('Choose up to 3');
    expect(rule(0, 1)).toBe('Choose up to 1');
    expect(rule(1, 2)).toBe('Choose 1 to 2');
  });

  it('says it in French too', async () => {
    await i18n.changeLanguage('fr');
    expect(rule(1, 1)).toBe('1 au choix');
    expect(rule(0, 3)).toBe('Jusqu’à 3 au choix');
    expect(rule(1, 2)).toBe('De 1 à 2 au choix');
  });
});
