// The annual report's own SQL, for the figures the report catalogue does not already give.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { type Executor, selectRows } from '../../platform/db/database.js';
import { visibleOfficeScope } from '../cases/case-policy.js';
import { destinationOf } from '../reports/definitions/avrr-departures.js';
import { caseFilter, departedPersonsSql, periodEnd, periodStart } from '../reports/report-sql.js';
import type { ReportParams } from '../reports/report-types.js';

/**
 * AVRR departures in the period counted per person who flew (marked departed on the board): how many, to how many countries (the final
 * arrival airport's country, else the principal's nationality, as the departures report says),
 * and how many went to a country that is not theirs where they hold a residence permit.
 */
export async function countDepartures(db: Executor, actor: Actor, params: ReportParams) {
  const rows = await selectRows<{
    nationalities: string[] | null;
    permits: string[] | null;
    principal_nationality: string | null;
    arrival_airport: string | null;
  }>(
    db,
    sql`select p.nationalities, d.principal_nationality, d.arrival_airport,
          (select array_agg(doc.issuing_country) from person_documents doc
            where doc.mission_id = p.mission_id and doc.person_id = p.id and doc.kind = 'residence_permit') as permits
        from (${departedPersonsSql(actor, { ...params, programme: 'avrr' })}) d
        join persons p on p.mission_id = d.mission_id and p.id = d.person_id`,
  );
  const countries = new Set<string>();
  let thirdCountryWithPermit = 0;
  for (const row of rows) {
    const country = await destinationOf(row);
    if (!country) continue;
    countries.add(country);
    if (!(row.nationalities ?? []).includes(country) && (row.permits ?? []).includes(country)) {
      thirdCountryWithPermit += 1;
    }
  }
  return { departed: rows.length, destinationCountries: countries.size, thirdCountryWithPermit };
}

/** Travel documents issued in the period (the embassy's answer), and the countries of the embassies. */
export async function countTravelDocuments(db: Executor, actor: Actor, params: ReportParams) {
  const [row] = await selectRows<{ issued: string; countries: string }>(
    db,
    sql`select count(*) as issued, count(distinct e.country) as countries
        from travel_document_requests r
        join embassies e on e.mission_id = r.mission_id and e.id = r.embassy_id
        join cases on cases.mission_id = r.mission_id and cases.id = r.case_id
        where r.mission_id = ${actor.missionId} and r.status = 'issued'
          and r.answered_at >= ${periodStart(actor, params)} and r.answered_at < ${periodEnd(actor, params)}
          and ${caseFilter(actor, {})}`,
  );
  return { issued: Number(row?.issued ?? 0), countries: Number(row?.countries ?? 0) };
}

/**
 * The counselling team at work in the period: the counsellors who held sessions, and the languages
 * they held them in themselves (sessions with an interpreter say nothing of the counsellor's languages).
 */
export async function countCounselling(db: Executor, actor: Actor, params: ReportParams) {
  const [row] = await selectRows<{ counsellors: string; languages: string }>(
    db,
    sql`select count(distinct s.counsellor_id) as counsellors,
          count(distinct s.language) filter (where not s.interpreter_used) as languages
        from counselling_sessions s
        where s.mission_id = ${actor.missionId} and s.held_on between ${params.from} and ${params.to}
          and ${visibleOfficeScope(actor, sql.raw('s.office_id'))}`,
  );
  return { counsellors: Number(row?.counsellors ?? 0), languages: Number(row?.languages ?? 0) };
}

/** How the economic grants of the period are paid: with a cash part at departure, an in-kind part, or both. */
export async function economicGrantParts(db: Executor, actor: Actor, params: ReportParams) {
  const [row] = await selectRows<{ total: string; both: string; cash_only: string; in_kind_only: string }>(
    db,
    sql`select count(*) as total,
          count(*) filter (where g.cash_amount > 0 and g.amount > g.cash_amount) as both,
          count(*) filter (where g.cash_amount > 0 and g.amount = g.cash_amount) as cash_only,
          count(*) filter (where g.cash_amount = 0) as in_kind_only
        from reintegration_grants g
        join cases on cases.mission_id = g.mission_id and cases.id = g.case_id
        where g.mission_id = ${actor.missionId} and g.type = 'economic'
          and g.created_at >= ${periodStart(actor, params)} and g.created_at < ${periodEnd(actor, params)}
          and ${caseFilter(actor, {})}`,
  );
  return {
    total: Number(row?.total ?? 0),
    both: Number(row?.both ?? 0),
    cashOnly: Number(row?.cash_only ?? 0),
    inKindOnly: Number(row?.in_kind_only ?? 0),
  };
}

/** True when the mission recorded anything on a case before the period: there is a previous year to compare with. */
export async function hasEarlierRecords(db: Executor, actor: Actor, params: ReportParams): Promise<boolean> {
  const [row] = await selectRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from case_events e
          where e.mission_id = ${actor.missionId} and e.occurred_at < ${periodStart(actor, params)}) as found`,
  );
  return row?.found === true;
}
