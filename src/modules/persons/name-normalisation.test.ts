import { describe, expect, it } from 'vitest';
import { computeNameColumns, nameSkeleton, normaliseName, wordSkeleton } from './name-normalisation.js';

describe('normaliseName', () => {
  it.each([
    ['Mohammed', 'mohammed'],
    ['  José  María ', 'jose maria'],
    ['Al-Hassan', 'al hassan'],
    ["Sa'id", 'said'],
    ['Ma’mun', 'mamun'],
    ['Ṣāliḥ', 'salih'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['Straße', 'strasse'],
    ['Øyvind Łukasz', 'oyvind lukasz'],
    ['İbrahim Yılmaz', 'ibrahim yilmaz'],
    ['Nguyễn Văn', 'nguyen van'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('keeps letters of other scripts and drops their vowel marks', () => {
    expect(normaliseName('مُحَمَّد')).toBe('محمد');
    expect(normaliseName('Фатима')).toBe('фатима');
  });

  it('folds Persian and Arabic spellings of the same letter', () => {
    expect(normaliseName('علی')).toBe(normaliseName('علي'));
  });
});

describe('nameSkeleton', () => {
  const sameSkeleton = [
    ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'Muhammed', 'Mohammad'],
    ['Yusuf', 'Yousef', 'Youssef', 'Yusef', 'Yousif'],
    ['Ahmad', 'Ahmed'],
    ['Ibrahim', 'Ebrahim', 'Ibraheem'],
    ['Hussein', 'Husain', 'Hossein', 'Husayn'],
    ['Omar', 'Umar'],
    ['Fatima', 'Fatimah', 'Fatema'],
    ['Abdullah', 'Abdulla', 'Abdallah'],
    ['Qasim', 'Kassem', 'Kasim'],
    ['Mustafa', 'Moustapha', 'Mostafa'],
  ];
  it.each(sameSkeleton)('spells %s and its variants alike', (...variants) => {
    const skeletons = new Set(variants.map((name) => nameSkeleton(name)));
    expect([...skeletons]).toHaveLength(1);
  });

  it('gives the expected skeletons', () => {
    expect(nameSkeleton('Mohammed')).toBe('mhmd');
    expect(nameSkeleton('Youssef')).toBe('ysf');
    expect(nameSkeleton('Ahmed')).toBe('ahmd');
    expect(nameSkeleton('Mohammed Al-Hassan')).toBe('mhmd al hsn');
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('Ahmad')).not.toBe(nameSkeleton('Hamid'));
    expect(nameSkeleton('Yusuf')).not.toBe(nameSkeleton('Mohammed'));
  });

  it('leaves words in other scripts as they are', () => {
    expect(wordSkeleton('محمد')).toBe('محمد');
    expect(wordSkeleton('')).toBe('');
  });
});

describe('computeNameColumns', () => {
  it('joins names, native names and aliases, without repeats', () => {
    expect(
      computeNameColumns({
        givenName: 'Mohammed',
        familyName: 'Al-Hassan',
        givenNameNative: 'محمد',
        familyNameNative: 'الحسن',
        aliases: ['Muhammad Hassan', 'mohammed al hassan'],
      }),
    ).toEqual({
      nameKey: 'mohammed al hassan محمد الحسن muhammad hassan',
      nameSkeleton: 'mhmd al hsn محمد الحسن mhmd hsn',
    });
  });

  it('works with no native names or aliases', () => {
    expect(computeNameColumns({ givenName: 'Amina', familyName: 'Yusuf' })).toEqual({
      nameKey: 'amina yusuf',
      nameSkeleton: 'amn ysf',
    });
  });
});
