import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { LocalizedText } from '../cases/workflow/index.js';

// The locale files are JSON: load them through require so no JSON-module setting is needed.
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/nl.json'));

/** A country's name in English and Dutch, or its code when the code is unknown. */
export function countryName(code: string): LocalizedText {
  return {
    en: countries.getName(code, 'en') ?? code,
    nl: countries.getName(code, 'nl') ?? code,
  };
}
