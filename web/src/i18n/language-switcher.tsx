import { useTranslation } from 'react-i18next';
import { changeLanguage, SUPPORTED_LANGUAGES } from './i18n.js';

/** EN / NL buttons; the current language is marked with aria-pressed. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          title={t(`language.name.${language}`)}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </fieldset>
  );
}
