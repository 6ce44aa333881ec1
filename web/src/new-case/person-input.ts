import type { DatePrecision, PersonInput, Sex } from '../api/types.js';

/** The person form as the user types it: every field a string. */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  givenNameNative: string;
  familyNameNative: string;
  aliases: string;
  sex: Sex;
  dateOfBirth: string;
  dateOfBirthPrecision: DatePrecision;
  nationalities: string;
  languages: string;
  phone: string;
  preferredLanguage: string;
}

export const EMPTY_PERSON_FORM: PersonFormValues = {
  givenName: '',
  familyName: '',
  givenNameNative: '',
  familyNameNative: '',
  aliases: '',
  sex: 'unknown',
  dateOfBirth: '',
  dateOfBirthPrecision: 'exact',
  nationalities: '',
  languages: '',
  phone: '',
  preferredLanguage: '',
};

/** Splits "NL, ma ;sy" into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Removes spaces, dashes, dots and brackets a phone number is often typed with ("+31 6-1234 5678"). */
export function normalisePhone(text: string): string {
  return text.replace(/[\s\-.()]/g, '');
}

/** Turns the form into the API's PersonInput: codes in their canonical case, empty optionals left out. */
export function toPersonInput(values: PersonFormValues): PersonInput {
  const input: PersonInput = {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    sex: values.sex,
    dateOfBirthPrecision: values.dateOfBirthPrecision,
    nationalities: splitList(values.nationalities).map((code) => code.toUpperCase()),
    languages: splitList(values.languages).map((code) => code.toLowerCase()),
  };
  const givenNameNative = values.givenNameNative.trim();
  if (givenNameNative) input.givenNameNative = givenNameNative;
  const familyNameNative = values.familyNameNative.trim();
  if (familyNameNative) input.familyNameNative = familyNameNative;
  const aliases = splitList(values.aliases);
  if (aliases.length > 0) input.aliases = aliases;
  if (values.dateOfBirth) input.dateOfBirth = values.dateOfBirth;
  const phone = normalisePhone(values.phone);
  if (phone) input.phone = phone;
  const preferredLanguage = values.preferredLanguage.trim().toLowerCase();
  if (preferredLanguage) input.preferredLanguage = preferredLanguage;
  return input;
}
