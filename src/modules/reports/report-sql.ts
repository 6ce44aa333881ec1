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
 * The cases that departed in the period (a status_changed event to departed), visible to the actor:
 * one row per case with its group, vulnerabilities and the principal's first nationality, and the
 * final arrival airport of its current departure booking when there is one.
 */
export function departedCasesSql(actor: Actor, params: ReportParams): SQL {
  return sql`
    select dep.case_id, dep.case_group_id, dep.mission_id, dep.vulnerabilities,
      (select pp.nationalities[1] from case_group_members pm
         join persons pp on pp.mission_id = pm.mission_id and pp.id = pm.person_id
        where pm.mission_id = dep.mission_id and pm.case_group_id = dep.case_group_id and pm.role = 'principal'
        limit 1) as principal_nationality,
      (select s.arrival_airport from bookings b
         join booking_segments s on s.mission_id = b.mission_id and s.booking_id = b.id
        where b.mission_id = dep.mission_id and b.case_id = dep.case_id and b.kind = 'departure'
          and b.status in ('booked', 'confirmed')
        order by b.version desc, b.created_at desc, s.position desc limit 1) as arrival_airport
    from (
      select distinct cases.id as case_id, cases.case_group_id, cases.mission_id, cases.vulnerabilities
      from case_events e join cases on cases.mission_id = e.mission_id and cases.id = e.case_id
      where e.mission_id = ${actor.missionId} and e.kind = 'status_changed' and e.data->>'to' = 'departed'
        and e.occurred_at >= ${periodStart(actor, params)} and e.occurred_at < ${periodEnd(actor, params)}
        and ${caseFilter(actor, params)}
    ) dep`;
}
