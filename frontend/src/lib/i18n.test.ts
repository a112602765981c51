import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, chooseLanguage, detectLanguage, i18n, initI18n } from './i18n';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';

describe('detectLanguage', () => {
  it('starts French browsers in French and everyone else in English', () => {
    expect(detectLanguage(null, 'fr-FR')).toBe('fr');
    expect(detectLanguage(null, 'fr-CA')).toBe('fr');
    expect(detectLanguage(null, 'FR')).toBe('fr');
    expect(detectLanguage(null, 'en-GB')).toBe('en');
    expect(detectLanguage(null, 'de-DE')).toBe('en');
    expect(detectLanguage(null, undefined)).toBe('en');
  });

  it('prefers the language the visitor chose before', () => {
    expect(detectLanguage('en', 'fr-FR')).toBe('en');
    expect(detectLanguage('fr', 'en-US')).toBe('fr');
    expect(detectLanguage('klingon', 'fr-BE')).toBe('fr');
  });
});

describe('choosing a language', () => {
  it('remembers the choice and sets <html lang>', async () => {
    await chooseLanguage('fr');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(i18n.t('account.signIn')).toBe('Se connecter');

    initI18n(); // A later visit reads the stored choice.
    expect(i18n.resolvedLanguage).toBe('fr');
  });
});

describe('translations', () => {
  it('have the same keys in French and English', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === 'object' && child !== null
          ? keys(child as object, `${prefix}${key}.`)
          : [`${prefix}${key}`],
      );
    // French has an extra plural form ("many") that English does not use.
    const french = keys(fr).filter((key) => !key.endsWith('_many'));
    expect(french.sort()).toEqual(keys(en).sort());
  });
});
