import { sql } from 'drizzle-orm';
import { lookupAirport } from '../../../platform/airports/airports.js';
import { selectRows } from '../../../platform/db/database.js';
import { countryName } from '../../eligibility/country-names.js';
import { departedPersonsSql } from '../report-sql.js';
import type { ReportDefinition, ReportRow } from '../report-types.js';

type PersonRow = {
  case_id: string;
  first_of_case: number;
  nationalities: string[] | null;
  principal_nationality: string | null;
  arrival_airport: string | null;
};

/** Where a departed case went: the final arrival airport's country, else the principal's nationality. */
export async function destinationOf(row: {
  arrival_airport: string | null;
  principal_nationality: string | null;
}): Promise<string | null> {
  if (row.arrival_airport) {
    const airport = await lookupAirport(row.arrival_airport);
    if (airport) return airport.country;
  }
  return row.principal_nationality || null;
}

/** Persons who departed with AVRR support, per destination country, and those resettled to a third country. */
export const avrrDeparturesReport: ReportDefinition = {
  name: 'avrr-departures',
  title: { en: 'AVRR departures by destination country', nl: 'AVRR-vertrekken per bestemmingsland' },
  description: {
    en: 'Persons who departed in the period (marked departed on the airport board; a family member who stayed behind is not counted), and their cases (counted with the first of their people to depart), per destination country (the final arrival airport of the booking they flew on, else the nationality of the principal applicant). Third country: a destination that is not one of the person’s nationalities. Programme AVRR unless another is chosen; office is the case’s office.',
    nl: 'Personen die in de periode vertrokken (op het luchthavenbord als vertrokken gemarkeerd; een gezinslid dat achterbleef telt niet mee), en hun zaken (geteld met de eerste van hun mensen die vertrok), per bestemmingsland (de laatste aankomstluchthaven van de boeking waarmee zij vlogen, anders de nationaliteit van de hoofdaanvrager). Derde land: een bestemming die niet een van de nationaliteiten van de persoon is. Programma AVRR tenzij een ander gekozen is; kantoor is het kantoor van de zaak.',
  },
  aggregate: true,
  columns: [
    { key: 'country', type: 'country', title: { en: 'Country code', nl: 'Landcode' }, hxl: '#country+code' },
    { key: 'countryName', type: 'text', title: { en: 'Country', nl: 'Land' }, hxl: '#country+name' },
    { key: 'cases', type: 'integer', title: { en: 'Cases', nl: 'Zaken' }, hxl: '#affected+hh' },
    { key: 'persons', type: 'integer', title: { en: 'Persons', nl: 'Personen' }, hxl: '#affected+ind' },
    {
      key: 'thirdCountryPersons',
      type: 'integer',
      title: { en: 'Of whom to a third country', nl: 'Waarvan naar een derde land' },
      hxl: '#affected+ind+third_country',
    },
  ],
  async run({ db, actor, params, language }) {
    const scoped = { ...params, programme: params.programme ?? 'avrr' };
    const rows = await selectRows<PersonRow>(
      db,
      sql`
        select d.case_id, d.first_of_case, p.nationalities, d.principal_nationality, d.arrival_airport
        from (${departedPersonsSql(actor, scoped)}) d
        join persons p on p.mission_id = d.mission_id and p.id = d.person_id`,
    );
    const byCountry = new Map<string, { cases: number; persons: number; third: number }>();
    for (const row of rows) {
      const country = (await destinationOf(row)) ?? '';
      const entry = byCountry.get(country) ?? { cases: 0, persons: 0, third: 0 };
      entry.cases += Number(row.first_of_case);
      entry.persons += 1;
      if (country && !(row.nationalities ?? []).includes(country)) entry.third += 1;
      byCountry.set(country, entry);
    }
    const result: ReportRow[] = [...byCountry.entries()].map(([country, entry]) => ({
      country: country || null,
      countryName: country ? countryName(country)[language] : null,
      cases: entry.cases,
      persons: entry.persons,
      thirdCountryPersons: entry.third,
    }));
    return result.sort(
      (a, b) =>
        (b.persons as number) - (a.persons as number) || String(a.country).localeCompare(String(b.country)),
    );
  },
};
