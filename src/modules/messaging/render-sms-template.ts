import {
  defaultSmsTemplates,
  FALLBACK_LANGUAGE,
  languageAliases,
  rightToLeftLanguages,
  type SmsTemplateKind,
  smsTemplateKinds,
  smsTemplateVariables,
} from './sms-template-defaults.js';

/** A rendered SMS, with the language actually used and a warning when it is not the one asked for. */
export interface RenderedSms {
  text: string;
  kind: SmsTemplateKind;
  requestedLanguage: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  fallback: boolean;
  /** Set when the English fallback was used: worth a warning on the case. */
  warning: string | null;
}

/** A mission's own wording, by language, for one kind (overrides the built-in text). */
export type TemplateOverrides = Readonly<Record<string, string>>;

/** Thrown when a template needs a variable the caller did not give. */
export class MissingTemplateVariablesError extends Error {
  constructor(
    readonly kind: string,
    readonly missing: string[],
  ) {
    super(`SMS template ${kind} needs ${missing.join(', ')}`);
    this.name = 'MissingTemplateVariablesError';
  }
}

/** True when the string names a known SMS template kind. */
export function isSmsTemplateKind(kind: string): kind is SmsTemplateKind {
  return (smsTemplateKinds as readonly string[]).includes(kind);
}

/** Lower-cases a language tag and maps ISO 639-2/3 codes and regional tags to the table's keys. */
export function normaliseLanguage(code: string): string {
  const tag = code.trim().toLowerCase().replace(/_/g, '-');
  return languageAliases[tag] ?? tag;
}

/** The languages to try for a requested one, most specific first (fa-AF → prs, then fa). */
function candidates(language: string | null | undefined): string[] {
  if (!language) return [];
  const tag = normaliseLanguage(language);
  const primary = tag.split('-')[0]!;
  return [...new Set([tag, languageAliases[primary] ?? primary])];
}

/**
 * Renders an SMS of `kind` in `language` with `variables`; when the language has no wording it
 * falls back to English and says so in `warning`, so the caller can put that on the case.
 * A mission's own wording (`overrides`) wins over the built-in text.
 */
export function renderSmsTemplate(
  kind: SmsTemplateKind,
  language: string | null | undefined,
  variables: Readonly<Record<string, string>>,
  overrides: TemplateOverrides = {},
): RenderedSms {
  if (!isSmsTemplateKind(kind)) throw new Error(`Unknown SMS template kind "${kind}"`);
  const missing = smsTemplateVariables[kind].filter((name) => !variables[name]?.trim());
  if (missing.length > 0) throw new MissingTemplateVariablesError(kind, missing);
  const wordingIn = (lang: string) => overrides[lang] ?? defaultSmsTemplates[lang]?.[kind];
  const found = candidates(language).find((lang) => wordingIn(lang) !== undefined);
  const used = found ?? FALLBACK_LANGUAGE;
  const requested = language ? normaliseLanguage(language) : null;
  const text = wordingIn(used)!.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    // Values are single-line and cannot smuggle in placeholders of their own.
    name in variables ? variables[name]!.replace(/\s+/g, ' ').replace(/[{}]/g, '').trim() : whole,
  );
  const fallback = found === undefined;
  return {
    text,
    kind,
    requestedLanguage: requested,
    language: used,
    direction: rightToLeftLanguages.has(used) ? 'rtl' : 'ltr',
    fallback,
    warning: fallback
      ? requested
        ? `No ${kind} SMS wording in "${requested}": sent in English instead.`
        : `No language known for the recipient: ${kind} SMS sent in English.`
      : null,
  };
}
