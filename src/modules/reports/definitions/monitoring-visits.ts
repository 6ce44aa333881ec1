import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/database.js';
import { visibleCasesWhere } from '../../cases/case-policy.js';
import { countryName } from '../../eligibility/country-names.js';
import type { ReportDefinition } from '../report-types.js';

type Row = Record<'country' | 'visits' | 'in_person' | 'phone' | 'cases', string>;

/** Post-return monitoring visits in the period, per country of the visiting office. */
export const monitoringVisitsReport: ReportDefinition = {
  name: 'monitoring-visits',
  title: { en: 'Monitoring visits', nl: 'Monitoringbezoeken' },
  description: {
    en: 'Monitoring visits (in person or by phone) made in the period, per country of the office that made them, and how many returnees they concerned. Office is the visiting office.',
    nl: 'Monitoringbezoeken (ter plaatse of telefonisch) in de periode, per land van het kantoor dat ze aflegde, en hoeveel teruggekeerden het betrof. Kantoor is het bezoekende kantoor.',
  },
  aggregate: true,
  columns: [
    { key: 'country', type: 'country', title: { en: 'Country code', nl: 'Landcode' }, hxl: '#country+code' },
    { key: 'countryName', type: 'text', title: { en: 'Country', nl: 'Land' }, hxl: '#country+name' },
    { key: 'visits', type: 'integer', title: { en: 'Visits', nl: 'Bezoeken' }, hxl: '#activity+visit+num' },
    {
      key: 'inPerson',
      type: 'integer',
      title: { en: 'In person', nl: 'Ter plaatse' },
      hxl: '#activity+visit+inperson+num',
    },
    {
      key: 'phone',
      type: 'integer',
      title: { en: 'By phone', nl: 'Telefonisch' },
      hxl: '#activity+visit+phone+num',
    },
    { key: 'cases', type: 'integer', title: { en: 'Cases', nl: 'Zaken' }, hxl: '#affected+hh' },
  ],
  async run({ db, actor, params, language }) {
    const rows = await selectRows<Row>(
      db,
      sql`select o.country, count(*) as visits,
            count(*) filter (where v.mode = 'in_person') as in_person,
            count(*) filter (where v.mode = 'phone') as phone,
            count(distinct v.case_id) as cases
          from monitoring_visits v
          join offices o on o.mission_id = v.mission_id and o.id = v.office_id
          join cases on cases.mission_id = v.mission_id and cases.id = v.case_id
          where v.mission_id = ${actor.missionId} and v.visit_date between ${params.from} and ${params.to}
            and ${visibleCasesWhere(actor)}
            ${params.officeId ? sql`and v.office_id = ${params.officeId}` : sql``}
            ${params.programme ? sql`and cases.programme = ${params.programme}` : sql``}
          group by o.country
          order by o.country`,
    );
    return rows.map((row) => ({
      country: row.country,
      countryName: countryName(row.country)[language],
      visits: Number(row.visits),
      inPerson: Number(row.in_person),
      phone: Number(row.phone),
      cases: Number(row.cases),
    }));
  },
};
