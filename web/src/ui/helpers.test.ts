import { describe, expect, it } from 'vitest';
import { pickLocalized } from '../i18n/localized.js';
import { groupFieldErrors, topLevelField } from './field-errors.js';
import { formatBytes, formatDate, formatNames, shortHash } from './format.js';

describe('field errors', () => {
  it('groups nested paths under their top-level field', () => {
    expect(
      groupFieldErrors([
        { path: 'nationalities.0', message: 'Unknown country' },
        { path: 'body.phone', message: 'Not E.164' },
        { path: '/nationalities/1', message: 'Unknown country' },
        { path: '', message: 'General' },
      ]),
    ).toEqual({
      nationalities: ['Unknown country', 'Unknown country'],
      phone: ['Not E.164'],
      _: ['General'],
    });
    expect(topLevelField('languages.2')).toBe('languages');
  });
});

describe('pickLocalized', () => {
  it('picks the UI language, falling back to English', () => {
    const text = { en: 'Counselling', nl: 'Counseling' };
    expect(pickLocalized(text, 'nl')).toBe('Counseling');
    expect(pickLocalized(text, 'nl-BE')).toBe('Counseling');
    expect(pickLocalized(text, 'ar')).toBe('Counselling');
    expect(pickLocalized(undefined, 'en')).toBe('');
    expect(pickLocalized('plain', 'nl')).toBe('plain');
  });
});

describe('format', () => {
  it('shortens hashes', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
  it('formats calendar dates without a time-zone shift', () => {
    expect(formatDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
  });
  it('joins person names', () => {
    expect(
      formatNames([
        { givenName: 'Amina', familyName: 'Yusuf' },
        { givenName: 'Omar', familyName: 'Yusuf' },
      ]),
    ).toBe('Amina Yusuf, Omar Yusuf');
  });
});
