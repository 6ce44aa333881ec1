import { sql } from 'drizzle-orm';
import { visibleOfficeIds } from '../../../platform/auth/actor.js';
import { selectRows } from '../../../platform/db/database.js';
import { visibleCasesWhere } from '../../cases/case-policy.js';
import type { ReportDefinition } from '../report-types.js';

type Row = Record<'month' | 'kind' | 'bookings' | 'passengers' | 'completed' | 'no_show', string>;

/** Departures, transits and arrivals handled at the airport, per month of the first flight. */
export const airportMovementsReport: ReportDefinition = {
  name: 'airport-movements',
  title: { en: 'Airport movements', nl: 'Luchthavenbewegingen' },
  description: {
    en: 'Current bookings (not cancelled or superseded) whose first flight falls in the period, per month and kind (departure, transit, arrival): bookings, passengers, passengers who departed or arrived, and no-shows. Bookings without a case count only for mission-wide users; an office narrows to bookings of that office’s cases.',
    nl: 'Geldende boekingen (niet geannuleerd of vervangen) waarvan de eerste vlucht in de periode valt, per maand en soort (vertrek, transit, aankomst): boekingen, passagiers, vertrokken of aangekomen passagiers en no-shows. Boekingen zonder zaak tellen alleen voor missiebrede gebruikers; een kantoor beperkt tot boekingen van zaken van dat kantoor.',
  },
  aggregate: true,
  columns: [
    { key: 'month', type: 'text', title: { en: 'Month', nl: 'Maand' }, hxl: '#date+month' },
    { key: 'kind', type: 'text', title: { en: 'Movement', nl: 'Beweging' }, hxl: '#activity+movement' },
    {
      key: 'bookings',
      type: 'integer',
      title: { en: 'Bookings', nl: 'Boekingen' },
      hxl: '#indicator+bookings+num',
    },
    {
      key: 'passengers',
      type: 'integer',
      title: { en: 'Passengers', nl: 'Passagiers' },
      hxl: '#affected+ind',
    },
    {
      key: 'completed',
      type: 'integer',
      title: { en: 'Departed or arrived', nl: 'Vertrokken of aangekomen' },
      hxl: '#affected+ind+completed',
    },
    {
      key: 'noShows',
      type: 'integer',
      title: { en: 'No-shows', nl: 'No-shows' },
      hxl: '#affected+ind+noshow',
    },
  ],
  async run({ db, actor, params }) {
    const missionWide = visibleOfficeIds(actor) === null && !params.officeId;
    const rows = await selectRows<Row>(
      db,
      sql`select to_char(f.first_day, 'YYYY-MM') as month, b.kind, count(distinct b.id) as bookings,
            count(p.id) as passengers,
            count(p.id) filter (where p.status in ('departed', 'arrived')) as completed,
            count(p.id) filter (where p.status = 'no_show') as no_show
          from bookings b
          join lateral (select min(s.departure_local_date) as first_day from booking_segments s
                         where s.mission_id = b.mission_id and s.booking_id = b.id) f on true
          left join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id and p.status <> 'cancelled'
          left join cases on cases.mission_id = b.mission_id and cases.id = b.case_id
          where b.mission_id = ${actor.missionId} and b.status in ('booked', 'confirmed')
            and f.first_day between ${params.from} and ${params.to}
            and ((b.case_id is null and ${missionWide}) or (cases.id is not null and ${visibleCasesWhere(actor)}
                 ${params.officeId ? sql`and cases.office_id = ${params.officeId}` : sql``}))
            ${params.programme ? sql`and b.programme = ${params.programme}` : sql``}
          group by 1, 2
          order by 1, 2`,
    );
    return rows.map((row) => ({
      month: row.month,
      kind: row.kind,
      bookings: Number(row.bookings),
      passengers: Number(row.passengers),
      completed: Number(row.completed),
      noShows: Number(row.no_show),
    }));
  },
};
