import { useTranslation } from 'react-i18next';
import { LANGUAGES, chooseLanguage, currentLanguage } from '@/lib/i18n';

/** EN | FR. Each button names its language in that language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-option"
          aria-pressed={language === active}
          aria-label={`${language.toUpperCase()} – ${t(`language.${language}`)}`}
          data-testid={`language-${language}`}
          onClick={() => {
            void chooseLanguage(language);
          }}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
