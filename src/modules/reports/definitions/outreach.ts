import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/database.js';
import { visibleOfficeScope } from '../../cases/case-policy.js';
import type { ReportDefinition } from '../report-types.js';

type Row = {
  month: string;
  office: string;
  information_sessions: string;
  network_meetings: string;
  participants: string;
  counselling_sessions: string;
};

/** Information sessions, network meetings and counselling sessions per month and office. */
export const outreachReport: ReportDefinition = {
  name: 'outreach',
  title: { en: 'Outreach', nl: 'Voorlichting en netwerk' },
  description: {
    en: 'Information sessions and network meetings held in the period (and the people they reached) and counselling sessions, per month and office. Office is where the activity was held; the programme does not apply.',
    nl: 'Voorlichtingsbijeenkomsten en netwerkoverleggen in de periode (en hoeveel mensen ze bereikten) en counselinggesprekken, per maand en kantoor. Kantoor is waar de activiteit plaatsvond; het programma is niet van toepassing.',
  },
  aggregate: true,
  columns: [
    { key: 'month', type: 'text', title: { en: 'Month', nl: 'Maand' }, hxl: '#date+month' },
    { key: 'office', type: 'text', title: { en: 'Office', nl: 'Kantoor' }, hxl: '#loc+name' },
    {
      key: 'informationSessions',
      type: 'integer',
      title: { en: 'Information sessions', nl: 'Voorlichtingsbijeenkomsten' },
      hxl: '#activity+information_session+num',
    },
    {
      key: 'networkMeetings',
      type: 'integer',
      title: { en: 'Network meetings', nl: 'Netwerkoverleggen' },
      hxl: '#activity+network_meeting+num',
    },
    {
      key: 'participants',
      type: 'integer',
      title: { en: 'People reached', nl: 'Bereikte mensen' },
      hxl: '#reached+ind',
    },
    {
      key: 'counsellingSessions',
      type: 'integer',
      title: { en: 'Counselling sessions', nl: 'Counselinggesprekken' },
      hxl: '#activity+counselling+num',
    },
  ],
  async run({ db, actor, params }) {
    const scope = (column: string) =>
      sql.join(
        [
          visibleOfficeScope(actor, sql.raw(column)),
          params.officeId ? sql`${sql.raw(column)} = ${params.officeId}` : sql`true`,
        ],
        sql` and `,
      );
    const rows = await selectRows<Row>(
      db,
      sql`select t.month, o.name as office,
            sum(t.information_sessions) as information_sessions, sum(t.network_meetings) as network_meetings,
            sum(t.participants) as participants, sum(t.counselling_sessions) as counselling_sessions
          from (
            select to_char(a.held_on, 'YYYY-MM') as month, a.office_id,
              count(*) filter (where a.kind = 'information_session') as information_sessions,
              count(*) filter (where a.kind = 'network_meeting') as network_meetings,
              coalesce(sum(a.participants), 0) as participants, 0 as counselling_sessions
            from outreach_activities a
            where a.mission_id = ${actor.missionId} and a.held_on between ${params.from} and ${params.to}
              and ${scope('a.office_id')}
            group by 1, 2
            union all
            select to_char(s.held_on, 'YYYY-MM'), s.office_id, 0, 0, 0, count(*)
            from counselling_sessions s
            where s.mission_id = ${actor.missionId} and s.held_on between ${params.from} and ${params.to}
              and ${scope('s.office_id')}
            group by 1, 2
          ) t
          join offices o on o.mission_id = ${actor.missionId} and o.id = t.office_id
          group by t.month, o.name
          order by t.month, o.name`,
    );
    return rows.map((row) => ({
      month: row.month,
      office: row.office,
      informationSessions: Number(row.information_sessions),
      networkMeetings: Number(row.network_meetings),
      participants: Number(row.participants),
      counsellingSessions: Number(row.counselling_sessions),
    }));
  },
};
