/** Translations (English and French), the language chosen at start-up, and remembering it. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'cocreate.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the visitor's earlier choice, else French for a French-speaking
 * browser (`fr`, `fr-CA`, ...), else English.
 */
export function detectLanguage(
  stored: string | null,
  browserLanguage: string | undefined,
): Language {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled (privacy settings); the browser language decides.
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits; nothing else breaks.
  }
}

export function initI18n(language?: Language) {
  const initial =
    language ??
    detectLanguage(
      readStoredLanguage(),
      typeof navigator === 'undefined' ? undefined : navigator.language,
    );
  document.documentElement.lang = initial;
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', (lng) => {
      if (!isLanguage(lng)) return;
      document.documentElement.lang = lng;
    });
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en }, fr: { translation: fr } },
      lng: initial,
      fallbackLng: 'en',
      supportedLngs: LANGUAGES,
      interpolation: { escapeValue: false }, // React escapes already.
      initAsync: false,
    });
  } else {
    void i18n.changeLanguage(initial);
  }
  return i18n;
}

/** Switch language on the visitor's request and remember the choice. */
export async function chooseLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

export { i18n };
