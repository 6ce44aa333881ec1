// The people of the demo caseload: single travellers and families, named as their countries name
// them, with their documents. Pure functions of a seeded generator.
import type { DobPrecision } from '../persons/schema.js';
import { type DemoName, namesOf, transliterationVariants } from './demo-names.js';
import type { SeededRandom } from './seeded-random.js';

export interface PersonPlan {
  givenName: string;
  familyName: string;
  givenNameNative?: string;
  familyNameNative?: string;
  aliases: string[];
  sex: 'female' | 'male';
  /** Age in whole years on the day of seeding, and days past the last birthday. */
  age: { years: number; days: number };
  dateOfBirthPrecision: DobPrecision;
  nationality: string;
  languages: string[];
  phone?: string;
}

export interface DocumentPlan {
  kind: 'passport' | 'laissez_passer' | 'national_id';
  number: string;
  issuingCountry: string;
  /** Days before seeding (negative: after). */
  validFromDaysAgo: number;
  validUntilDaysAgo: number;
}

/** A family travelling together: parents (or a single mother) and their children. */
export function planFamily(rng: SeededRandom, country: string): PersonPlan[] {
  const names = namesOf(country);
  const father = planPerson(rng, country, { sex: 'male', minAge: 26, maxAge: 55 });
  const size = Number(rng.weighted({ 2: 3, 3: 4, 4: 3, 5: 2 }));
  const nativeFamily = (latin: string) => names.family.find((name) => name[0] === latin)?.[1];
  const singleMother = rng.chance(0.2);
  const family: PersonPlan[] = [];
  let youngestParent = father.age.years;
  if (singleMother) {
    const mother = planPerson(rng, country, { sex: 'female', minAge: 24, maxAge: 48 });
    family.push(mother);
    youngestParent = mother.age.years;
  } else {
    family.push(father);
    {
      const mother = planPerson(rng, country, {
        sex: 'female',
        minAge: Math.max(20, father.age.years - 10),
        maxAge: Math.max(21, father.age.years - 1),
      });
      if (!names.wifeKeepsName) {
        mother.familyName = father.familyName;
        mother.familyNameNative = mother.givenNameNative ? nativeFamily(father.familyName) : undefined;
        mother.aliases = mother.aliases.map((alias) => alias.replace(/ \S+$/, ` ${father.familyName}`));
      }
      family.push(mother);
      youngestParent = Math.min(youngestParent, mother.age.years);
    }
  }
  const parent = family[0]!;
  while (family.length < size) {
    const child = planPerson(rng, country, {
      sex: rng.chance(0.5) ? 'male' : 'female',
      minAge: 0,
      maxAge: Math.min(17, youngestParent - 19),
    });
    const head = singleMother ? parent : father;
    child.familyName = head.familyName;
    child.familyNameNative = child.givenNameNative ? nativeFamily(head.familyName) : undefined;
    child.aliases = [];
    child.phone = undefined;
    family.push(child);
  }
  return family;
}

/** One person of the given nationality, sex and age range. */
export function planPerson(
  rng: SeededRandom,
  country: string,
  spec: { sex: 'female' | 'male'; minAge: number; maxAge: number },
): PersonPlan {
  const names = namesOf(country);
  const given: DemoName = rng.pick(spec.sex === 'male' ? names.male : names.female);
  const family: DemoName = rng.pick(names.family);
  const native = given[1] !== undefined && family[1] !== undefined && rng.chance(names.nativeShare);
  const variants = transliterationVariants[given[0]] ?? [];
  const aliases = variants.length > 0 && rng.chance(0.35) ? [`${rng.pick(variants)} ${family[0]}`] : [];
  const years = rng.int(spec.minAge, Math.max(spec.minAge, spec.maxAge));
  const languages = [names.languages[0]!, ...names.languages.slice(1).filter(() => rng.chance(0.35))];
  if (rng.chance(0.3) && !languages.includes('en')) languages.push('en');
  if (rng.chance(0.08)) languages.push('nl');
  const precision = rng.weighted({ exact: 65, month: 10, year: 15, estimated: 10 });
  return {
    givenName: given[0],
    familyName: family[0],
    givenNameNative: native ? given[1] : undefined,
    familyNameNative: native ? family[1] : undefined,
    aliases,
    sex: spec.sex,
    age: { years, days: rng.int(0, 364) },
    dateOfBirthPrecision: precision,
    nationality: country,
    languages,
    phone: years >= 16 && rng.chance(0.8) ? `+316${rng.int(1, 5)}${rng.digits(7)}` : undefined,
  };
}

/** A passport number in the style of the issuing country. */
export function passportNumber(rng: SeededRandom, country: string): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const prefix = `${letters[rng.int(0, letters.length - 1)]}${letters[rng.int(0, letters.length - 1)]}`;
  return country === 'IQ' ? `A${rng.digits(8)}` : `${prefix}${rng.digits(7)}`;
}

/** A laissez-passer issued by the embassy of the person's country, valid for a few months. */
export function laissezPasser(rng: SeededRandom, person: PersonPlan, issuedDaysAgo: number): DocumentPlan {
  return {
    kind: 'laissez_passer',
    number: `LP-${person.nationality}-${rng.digits(6)}`,
    issuingCountry: person.nationality,
    validFromDaysAgo: issuedDaysAgo,
    validUntilDaysAgo: issuedDaysAgo - rng.int(90, 180),
  };
}
