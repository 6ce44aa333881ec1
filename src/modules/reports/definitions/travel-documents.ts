import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/database.js';
import { countryName } from '../../eligibility/country-names.js';
import { caseFilter } from '../report-sql.js';
import type { ReportDefinition } from '../report-types.js';

type Row = Record<'country' | 'requests' | 'issued' | 'refused' | 'pending' | 'persons', string>;

/** Travel document requests to embassies made in the period, per country of the embassy. */
export const travelDocumentsReport: ReportDefinition = {
  name: 'travel-documents',
  title: { en: 'Travel documents by country', nl: 'Reisdocumenten per land' },
  description: {
    en: 'Requests to embassies and consulates made in the period, per country of the embassy: issued, refused and still pending, and for how many persons. Office is the case’s office.',
    nl: 'Aanvragen bij ambassades en consulaten in de periode, per land van de ambassade: afgegeven, geweigerd en nog lopend, en voor hoeveel personen. Kantoor is het kantoor van de zaak.',
  },
  aggregate: true,
  columns: [
    { key: 'country', type: 'country', title: { en: 'Country code', nl: 'Landcode' }, hxl: '#country+code' },
    { key: 'countryName', type: 'text', title: { en: 'Country', nl: 'Land' }, hxl: '#country+name' },
    {
      key: 'requests',
      type: 'integer',
      title: { en: 'Requests', nl: 'Aanvragen' },
      hxl: '#indicator+requests+num',
    },
    {
      key: 'issued',
      type: 'integer',
      title: { en: 'Issued', nl: 'Afgegeven' },
      hxl: '#indicator+issued+num',
    },
    {
      key: 'refused',
      type: 'integer',
      title: { en: 'Refused', nl: 'Geweigerd' },
      hxl: '#indicator+refused+num',
    },
    {
      key: 'pending',
      type: 'integer',
      title: { en: 'Pending', nl: 'Lopend' },
      hxl: '#indicator+pending+num',
    },
    { key: 'persons', type: 'integer', title: { en: 'Persons', nl: 'Personen' }, hxl: '#affected+ind' },
  ],
  async run({ db, actor, params, language }) {
    const rows = await selectRows<Row>(
      db,
      sql`select e.country, count(*) as requests,
            count(*) filter (where r.status = 'issued') as issued,
            count(*) filter (where r.status = 'refused') as refused,
            count(*) filter (where r.status in ('requested', 'interview_scheduled')) as pending,
            count(distinct r.person_id) as persons
          from travel_document_requests r
          join embassies e on e.mission_id = r.mission_id and e.id = r.embassy_id
          join cases on cases.mission_id = r.mission_id and cases.id = r.case_id
          where r.mission_id = ${actor.missionId}
            and r.requested_on between ${params.from} and ${params.to}
            and ${caseFilter(actor, params)}
          group by e.country
          order by count(*) desc, e.country`,
    );
    return rows.map((row) => ({
      country: row.country,
      countryName: countryName(row.country)[language],
      requests: Number(row.requests),
      issued: Number(row.issued),
      refused: Number(row.refused),
      pending: Number(row.pending),
      persons: Number(row.persons),
    }));
  },
};
