// The people of a demo year: names from their region, unique dates of birth, languages and phones.
import type { SeededRandom } from '../demo/seeded-random.js';
import { namePools, returnCountry, thirdCountryMovers } from './demo-year-world.js';

/** A person as the demo registers them. */
export interface DemoPerson {
  givenName: string;
  familyName: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
  dateOfBirthPrecision: 'exact' | 'estimated';
  nationality: string;
  languages: string[];
  phone?: string;
  /** True when the person has no passport and needs a travel document from their embassy. */
  needsTravelDocument: boolean;
  /** The country of a residence permit the person holds (people moving on to a third country). */
  residencePermit?: string;
}

/**
 * Makes people with dates of birth no one else in the year has: two registrations with the same
 * name and date of birth would rightly be taken for the same person by the duplicate checks.
 */
export class PeopleFactory {
  private readonly births = new Set<string>();
  /** Off for passengers without a case: no duplicate check ever compares them. */
  uniqueBirths = true;

  constructor(
    private readonly rng: SeededRandom,
    private readonly year: number,
  ) {}

  /** A person of that nationality, sex and age (in whole years on 1 July of the year). */
  person(nationality: string, spec: { sex?: 'female' | 'male'; minAge: number; maxAge: number }): DemoPerson {
    const rng = this.rng;
    const origin =
      nationality === thirdCountryMovers.nationality ? thirdCountryMovers : returnCountry(nationality);
    const pool = namePools[origin.pool];
    const sex = spec.sex ?? (rng.chance(0.62) ? 'male' : 'female');
    const languages = [origin.languages[0]!, ...origin.languages.slice(1).filter(() => rng.chance(0.5))];
    if (rng.chance(0.3) && !languages.includes('en')) languages.push('en');
    const age = rng.int(spec.minAge, spec.maxAge);
    return {
      givenName: rng.pick(sex === 'male' ? pool.male : pool.female),
      familyName: rng.pick(pool.family),
      sex,
      dateOfBirth: this.uniqueBirth(age),
      // An estimated date matches any within two years in the duplicate checks: a referral would then be
      // taken for someone registered before. Only passengers without a case have estimated dates.
      dateOfBirthPrecision: rng.chance(0.9) || this.uniqueBirths ? 'exact' : 'estimated',
      nationality,
      languages,
      phone: age >= 18 && rng.chance(0.75) ? `+316${rng.int(1, 5)}${rng.digits(7)}` : undefined,
      needsTravelDocument: false,
    };
  }

  /** A family of `size` (one or two parents and children), of one nationality and family name. */
  family(nationality: string, size: number): DemoPerson[] {
    const rng = this.rng;
    const parents = size >= 3 && rng.chance(0.75) ? 2 : 1;
    const first = this.person(nationality, { minAge: 24, maxAge: 55 });
    const people = [first];
    if (parents === 2 && size > 1) {
      const partner = this.person(nationality, {
        sex: first.sex === 'male' ? 'female' : 'male',
        minAge: 22,
        maxAge: 52,
      });
      partner.familyName = first.familyName;
      people.push(partner);
    }
    while (people.length < size) {
      const child = this.person(nationality, { minAge: 0, maxAge: 15 });
      child.familyName = first.familyName;
      child.phone = undefined;
      people.push(child);
    }
    return people;
  }

  private uniqueBirth(age: number): string {
    for (let attempt = 0; ; attempt++) {
      // Born between 2 July and the next 1 July: exactly `age` on 1 July of the demo year.
      const start = Date.UTC(this.year - age - 1, 6, 2);
      const date = new Date(start + this.rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
      if (!this.uniqueBirths) return date;
      if (!this.births.has(date)) {
        this.births.add(date);
        return date;
      }
      // A crowded year of birth: try a neighbouring one now and then.
      if (attempt % 50 === 49) age = age > 30 ? age - 1 : age + 1;
      if (attempt > 10_000) throw new Error('No unused date of birth left');
    }
  }
}
