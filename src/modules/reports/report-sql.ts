import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { visibleCasesWhere } from '../cases/case-policy.js';
import { cases } from '../cases/schema.js';
import type { ReportParams } from './report-types.js';

/** The first instant of the period's first day, in the actor's mission's time zone. */
export function periodStart(actor: Actor, params: { from: string }): SQL {
  return sql`((${params.from}::date)::timestamp at time zone ${actor.mission.timeZone})`;
}

/** The first instant after the period's last day, in the actor's mission's time zone. */
export function periodEnd(actor: Actor, params: { to: string }): SQL {
  return sql`(((${params.to}::date) + 1)::timestamp at time zone ${actor.mission.timeZone})`;
}

/** The cases the actor may see (visibleCasesWhere), narrowed to the report's office and programme. */
export function caseFilter(actor: Actor, params: Pick<ReportParams, 'officeId' | 'programme'>): SQL {
  return and(
    visibleCasesWhere(actor),
    params.officeId ? eq(cases.officeId, params.officeId) : undefined,
    params.programme ? eq(cases.programme, params.programme) : undefined,
  )!;
}

/**
 * The persons who departed in the period, visible to the actor: one row per passenger marked
 * departed on the airport board (a `passenger_departed` event on the case, dated when it happened),
 * with the case, its group and vulnerabilities, the principal's first nationality, the final arrival
 * airport of the booking the person flew on, and `first_of_case` (1 for the first of the case's
 * people to depart, by event id: UUIDv7 ids sort by the time they were recorded) so that a case
 * counts once, as the dashboard's summaries count it. A family member who stayed behind is no row.
 */
export function departedPersonsSql(actor: Actor, params: ReportParams): SQL {
  return sql`
    select dep.case_id, dep.person_id, dep.case_group_id, dep.mission_id, dep.vulnerabilities, dep.first_of_case,
      (select pp.nationalities[1] from case_group_members pm
         join persons pp on pp.mission_id = pm.mission_id and pp.id = pm.person_id
        where pm.mission_id = dep.mission_id and pm.case_group_id = dep.case_group_id and pm.role = 'principal'
        limit 1) as principal_nationality,
      (select s.arrival_airport from booking_segments s
        where s.mission_id = dep.mission_id and s.booking_id = dep.booking_id
        order by s.position desc limit 1) as arrival_airport
    from (
      select cases.id as case_id, (e.data->>'personId')::uuid as person_id, (e.data->>'bookingId')::uuid as booking_id,
        cases.case_group_id, cases.mission_id, cases.vulnerabilities,
        case when exists (select 1 from case_events o
                           where o.mission_id = e.mission_id and o.case_id = e.case_id
                             and o.kind = 'passenger_departed' and o.id < e.id) then 0 else 1 end as first_of_case
      from case_events e join cases on cases.mission_id = e.mission_id and cases.id = e.case_id
      where e.mission_id = ${actor.missionId} and e.kind = 'passenger_departed'
        and e.occurred_at >= ${periodStart(actor, params)} and e.occurred_at < ${periodEnd(actor, params)}
        and ${caseFilter(actor, params)}
    ) dep`;
}
