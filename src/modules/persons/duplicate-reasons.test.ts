import { describe, expect, it } from 'vitest';
import { datesOfBirthMatch, rateDuplicate, sharesNationality } from './duplicate-reasons.js';
import type { DobPrecision } from './schema.js';

const dob = (date: string | null, precision: DobPrecision = 'exact') => ({ date, precision });

describe('datesOfBirthMatch', () => {
  it.each([
    [dob('1990-04-12'), dob('1990-04-12'), true],
    [dob('1990-04-12'), dob('1990-04-13'), false],
    [dob('1990-04-12'), dob('1990-04-01', 'month'), true],
    [dob('1990-04-12'), dob('1990-05-01', 'month'), false],
    [dob('1990-04-12'), dob('1990-01-01', 'year'), true],
    [dob('1990-01-01', 'year'), dob('1990-12-31', 'year'), true],
    [dob('1990-01-01', 'year'), dob('1991-01-01'), false],
    [dob('1990-01-01', 'estimated'), dob('1992-06-01'), true],
    [dob('1990-01-01', 'estimated'), dob('1993-06-01'), false],
    [dob(null), dob('1990-01-01'), false],
    [dob('1990-01-01'), dob(null, 'year'), false],
  ])('%o and %o → %s', (a, b, expected) => {
    expect(datesOfBirthMatch(a, b)).toBe(expected);
    expect(datesOfBirthMatch(b, a)).toBe(expected);
  });
});

describe('sharesNationality', () => {
  it('is true when one code is common', () => {
    expect(sharesNationality(['IQ', 'SY'], ['SY'])).toBe(true);
    expect(sharesNationality(['IQ'], ['IR'])).toBe(false);
    expect(sharesNationality([], ['IQ'])).toBe(false);
  });
});

describe('rateDuplicate', () => {
  it('does not warn on a similar name alone', () => {
    expect(rateDuplicate({ nameScore: 1, dateOfBirth: false, nationality: false })).toBeNull();
  });

  it('gives reasons and ranks more evidence higher', () => {
    const both = rateDuplicate({ nameScore: 0.8, dateOfBirth: true, nationality: true });
    const dateOnly = rateDuplicate({ nameScore: 0.8, dateOfBirth: true, nationality: false });
    const nationalityOnly = rateDuplicate({ nameScore: 0.8, dateOfBirth: false, nationality: true });
    expect(both).toEqual({ score: 0.9, reasons: ['name', 'date_of_birth', 'nationality'] });
    expect(dateOnly?.reasons).toEqual(['name', 'date_of_birth']);
    expect(nationalityOnly?.reasons).toEqual(['name', 'nationality']);
    expect(both!.score).toBeGreaterThan(dateOnly!.score);
    expect(dateOnly!.score).toBeGreaterThan(nationalityOnly!.score);
  });
});
