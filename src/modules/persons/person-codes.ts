import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

// `langs` ships no type declarations; load it through require with the little of its API used here.
const require = createRequire(import.meta.url);
const langs = require('langs') as { has(type: '1' | '2' | '2T' | '2B' | '3', code: string): boolean };

/**
 * ISO 639-3 codes of languages often spoken by the people a mission serves that have no
 * ISO 639-1 code, and so are missing from `langs` (which lists only 639-1 languages).
 */
const EXTRA_ISO_639_3 = new Set([
  'prs', // Dari
  'pbu', // Northern Pashto
  'pbt', // Southern Pashto
  'ckb', // Central Kurdish (Sorani)
  'kmr', // Northern Kurdish (Kurmanji)
  'sdh', // Southern Kurdish
  'apc', // Levantine Arabic
  'acm', // Mesopotamian Arabic
  'arz', // Egyptian Arabic
  'ary', // Moroccan Arabic
  'arq', // Algerian Arabic
  'ayl', // Libyan Arabic
  'apd', // Sudanese Arabic
  'tig', // Tigre
  'syr', // Syriac
  'aii', // Assyrian Neo-Aramaic
  'hbs', // Serbo-Croatian
  'rom', // Romani
  'fuf', // Pular
  'snk', // Soninke
  'mnk', // Mandinka
  'kri', // Krio
  'pcm', // Nigerian Pidgin
]);

/** True for an ISO 3166-1 alpha-2 country code in upper case (NL, IQ, XK). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** True for an ISO 639-1 (two letters) or ISO 639-3 (three letters) language code in lower case. */
export function isLanguageCode(code: string): boolean {
  if (/^[a-z]{2}$/.test(code)) return langs.has('1', code);
  if (/^[a-z]{3}$/.test(code)) return langs.has('3', code) || EXTRA_ISO_639_3.has(code);
  return false;
}

/** The E.164 form of an international phone number ("+31 6-1234 5678" → "+31612345678"), or null if invalid. */
export function toE164(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed?.isValid() ? parsed.number : null;
}

/** Today's date as 'YYYY-MM-DD' (UTC). */
export function todayIsoDate(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
