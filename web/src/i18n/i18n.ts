import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

export const SUPPORTED_LANGUAGES = ['en', 'nl'] as const;
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const STORAGE_KEY = 'passage.language';

/** Picks the UI language: the stored choice, else the browser's, else English. */
export function chooseLanguage(stored: string | null, browser: readonly string[]): UiLanguage {
  const candidates = [stored, ...browser].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const base = candidate.toLowerCase().split('-')[0];
    const match = SUPPORTED_LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

/** Initialises i18next for the browser and keeps <html lang dir> in step with the language. */
export async function setUpI18n(): Promise<void> {
  const language = chooseLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  i18n.on('languageChanged', applyToDocument);
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false },
  });
  applyToDocument(i18n.language);
}

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the switch still applies for this visit.
  }
  await i18n.changeLanguage(language);
}

export { i18n };
