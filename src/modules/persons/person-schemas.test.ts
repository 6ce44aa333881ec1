import { describe, expect, it } from 'vitest';
import { isCountryCode, isLanguageCode, toE164 } from './person-codes.js';
import { ZAddIdentityDocument, ZCreatePerson, ZUpdatePerson } from './person-schemas.js';

const valid = {
  givenName: 'Amina',
  familyName: 'Yusuf',
  sex: 'female',
  dateOfBirthPrecision: 'exact',
  dateOfBirth: '1990-04-12',
  nationalities: ['IQ'],
  languages: ['ar', 'ckb'],
};

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.')).sort();
}

describe('codes', () => {
  it('accepts ISO 3166-1 alpha-2 countries only', () => {
    expect(isCountryCode('NL')).toBe(true);
    expect(isCountryCode('XK')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('NLD')).toBe(false);
    expect(isCountryCode('nl')).toBe(false);
  });

  it('accepts ISO 639-1 and ISO 639-3 languages', () => {
    for (const code of ['ar', 'fa', 'ara', 'fas', 'tir', 'prs', 'ckb', 'kmr'])
      expect(isLanguageCode(code)).toBe(true);
    for (const code of ['xx', 'zzz', 'arab', 'a', 'AR']) expect(isLanguageCode(code)).toBe(false);
  });

  it('normalises phone numbers to E.164 and refuses national or invalid ones', () => {
    expect(toE164('+31 6-1234 5678')).toBe('+31612345678');
    expect(toE164('+964 750 123 4567')).toBe('+9647501234567');
    expect(toE164('0612345678')).toBeNull();
    expect(toE164('+31 6 12')).toBeNull();
    expect(toE164('call me')).toBeNull();
  });
});

describe('ZCreatePerson', () => {
  it('accepts a complete person and canonicalises codes and phone', () => {
    const parsed = ZCreatePerson.parse({
      ...valid,
      nationalities: ['iq', ' sy '],
      languages: ['AR'],
      preferredLanguage: 'Ar',
      phone: '+31 (6) 1234-5678',
    });
    expect(parsed.nationalities).toEqual(['IQ', 'SY']);
    expect(parsed.languages).toEqual(['ar']);
    expect(parsed.preferredLanguage).toBe('ar');
    expect(parsed.phone).toBe('+31612345678');
  });

  it('names each invalid field by its path', () => {
    const result = ZCreatePerson.safeParse({
      ...valid,
      givenName: ' ',
      nationalities: ['NL', 'QQ'],
      languages: ['ar', 'xyz1'],
      phone: '0612345678',
      sex: 'x',
    });
    expect(issuePaths(result)).toEqual(['givenName', 'languages.1', 'nationalities.1', 'phone', 'sex']);
  });

  it('refuses a date of birth in the future or not a date', () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(issuePaths(ZCreatePerson.safeParse({ ...valid, dateOfBirth: `${nextYear}-01-01` }))).toEqual([
      'dateOfBirth',
    ]);
    expect(issuePaths(ZCreatePerson.safeParse({ ...valid, dateOfBirth: '1990-02-30' }))).toEqual([
      'dateOfBirth',
    ]);
    expect(issuePaths(ZCreatePerson.safeParse({ ...valid, dateOfBirth: '12-04-1990' }))).toEqual([
      'dateOfBirth',
    ]);
  });

  it('refuses an unknown date precision', () => {
    expect(issuePaths(ZCreatePerson.safeParse({ ...valid, dateOfBirthPrecision: 'day' }))).toEqual([
      'dateOfBirthPrecision',
    ]);
  });
});

describe('ZUpdatePerson', () => {
  it('needs the version and lets optional particulars be cleared', () => {
    expect(issuePaths(ZUpdatePerson.safeParse({ phone: null }))).toEqual(['version']);
    expect(ZUpdatePerson.parse({ version: 2, phone: null, dateOfBirth: null })).toEqual({
      version: 2,
      phone: null,
      dateOfBirth: null,
    });
  });
});

describe('ZAddIdentityDocument', () => {
  it('checks the kind, the issuing country and the validity period', () => {
    const result = ZAddIdentityDocument.safeParse({
      kind: 'visa',
      number: '',
      issuingCountry: 'ZZ',
    });
    expect(issuePaths(result)).toEqual(['issuingCountry', 'kind', 'number']);
    const reversed = ZAddIdentityDocument.safeParse({
      kind: 'passport',
      number: 'A1234567',
      issuingCountry: 'iq',
      validFrom: '2024-01-01',
      validUntil: '2023-12-31',
    });
    expect(issuePaths(reversed)).toEqual(['validUntil']);
  });
});
