import type { LocalizedText } from '../api/types.js';

/** Picks the text for the UI language from an API `{en, nl}` object, falling back to English. */
export function pickLocalized(text: LocalizedText | string | null | undefined, language: string): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = language.split('-')[0] ?? 'en';
  return text[base] ?? text.en ?? Object.values(text)[0] ?? '';
}
