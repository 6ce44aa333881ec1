import { describe, expect, it } from 'vitest';
import { EMPTY_PERSON_FORM, normalisePhone, splitList, toPersonInput } from './person-input.js';

describe('toPersonInput', () => {
  it('normalises codes and leaves out empty optional fields', () => {
    const input = toPersonInput({
      ...EMPTY_PERSON_FORM,
      givenName: ' Amina ',
      familyName: 'Yusuf',
      sex: 'female',
      nationalities: 'iq, sy',
      languages: 'AR; ku',
      phone: '+31 6-1234 5678',
    });
    expect(input).toEqual({
      givenName: 'Amina',
      familyName: 'Yusuf',
      sex: 'female',
      dateOfBirthPrecision: 'exact',
      nationalities: ['IQ', 'SY'],
      languages: ['ar', 'ku'],
      phone: '+31612345678',
    });
  });

  it('keeps native-script names, aliases, date of birth and preferred language', () => {
    const input = toPersonInput({
      ...EMPTY_PERSON_FORM,
      givenName: 'Amina',
      familyName: 'Yusuf',
      givenNameNative: 'أمينة',
      aliases: 'Amna, Aminah',
      dateOfBirth: '1990-01-01',
      dateOfBirthPrecision: 'year',
      preferredLanguage: 'AR',
    });
    expect(input.givenNameNative).toBe('أمينة');
    expect(input.familyNameNative).toBeUndefined();
    expect(input.aliases).toEqual(['Amna', 'Aminah']);
    expect(input.dateOfBirth).toBe('1990-01-01');
    expect(input.dateOfBirthPrecision).toBe('year');
    expect(input.preferredLanguage).toBe('ar');
  });
});

describe('helpers', () => {
  it('splits lists on commas and semicolons', () => {
    expect(splitList(' NL, ,MA;sy ')).toEqual(['NL', 'MA', 'sy']);
  });
  it('strips phone punctuation', () => {
    expect(normalisePhone('+31 (0)6.12')).toBe('+310612');
  });
});
