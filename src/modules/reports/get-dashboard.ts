import { Decimal } from 'decimal.js';
import { and, eq, gte, inArray, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { countryName } from '../eligibility/country-names.js';
import { offices, users } from '../organisation/schema.js';
import { embassies } from '../travel-documents/schema.js';
import { destinationOf } from './definitions/avrr-departures.js';
import type { Dashboard, ReportQuery } from './reports-schemas.js';
import {
  caseCounts,
  caseDepartureCounts,
  caseTaskCounts,
  grantCounts,
  pendingTravelDocumentCounts,
} from './schema.js';
import { NO_ASSIGNEE, summaryScope } from './summary-scope.js';

const FINISHED_STATUSES = ['closed', 'withdrawn'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** The dashboard's period: the twelve weeks up to today unless given. */
export function dashboardPeriod(query: ReportQuery, actor: Actor, now: Date): { from: string; to: string } {
  const to = query.to ?? missionToday(actor, now);
  const from = query.from ?? new Date(Date.parse(to) - 83 * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** Mondays from the week of `from` to the week of `to`, as YYYY-MM-DD. */
export function weekStarts(from: string, to: string): string[] {
  const monday = (iso: string) => {
    const day = new Date(`${iso}T00:00:00Z`);
    return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  };
  const result: string[] = [];
  for (let week = monday(from); week <= monday(to); week = new Date(week.getTime() + 7 * DAY_MS)) {
    result.push(week.toISOString().slice(0, 10));
  }
  return result;
}

/**
 * The managers' dashboard, computed on each request from the summary tables that triggers keep in
 * the transaction of every change (caseload, overdue tasks, departures, grants, pending travel
 * documents): its cost does not grow with the caseload or the period. Scoped to what the actor may see.
 */
export async function getDashboard(
  db: Executor,
  actor: Actor,
  query: ReportQuery,
  now: Date,
): Promise<Dashboard> {
  const { from, to } = dashboardPeriod(query, actor, now);
  const filters = { officeId: query.officeId, programme: query.programme };
  const today = missionToday(actor, now);
  const departuresInPeriod = and(
    summaryScope(actor, caseDepartureCounts, filters),
    gte(caseDepartureCounts.day, from),
    lte(caseDepartureCounts.day, to),
  );
  const [caseload, overdue, departuresByWeek, departuresByPlace, grants, travelDocuments, officeRows] =
    await Promise.all([
      db
        .select({
          programme: caseCounts.programme,
          status: caseCounts.status,
          officeId: caseCounts.officeId,
          assigneeKey: caseCounts.assigneeKey,
          vulnerabilities: caseCounts.vulnerabilities,
          n: sql<string>`sum(${caseCounts.n})`,
        })
        .from(caseCounts)
        .where(
          and(summaryScope(actor, caseCounts, filters), notInArray(caseCounts.status, FINISHED_STATUSES)),
        )
        .groupBy(
          caseCounts.programme,
          caseCounts.status,
          caseCounts.officeId,
          caseCounts.assigneeKey,
          caseCounts.vulnerabilities,
        ),
      db
        .select({ officeId: caseTaskCounts.officeId, n: sql<string>`sum(${caseTaskCounts.n})` })
        .from(caseTaskCounts)
        .where(and(summaryScope(actor, caseTaskCounts, filters), lt(caseTaskCounts.dueDate, today)))
        .groupBy(caseTaskCounts.officeId),
      db
        .select({
          // Integer date arithmetic (3 January 2000 was a Monday): cheaper than date_trunc or extract.
          weekStart: sql<string>`(${caseDepartureCounts.day} - (${caseDepartureCounts.day} - date '2000-01-03') % 7)::text`,
          cases: sql<string>`sum(${caseDepartureCounts.cases})`,
          persons: sql<string>`sum(${caseDepartureCounts.persons})`,
        })
        .from(caseDepartureCounts)
        .where(departuresInPeriod)
        .groupBy(sql`1`),
      db
        .select({
          nationality: caseDepartureCounts.nationality,
          arrivalAirport: caseDepartureCounts.arrivalAirport,
          cases: sql<string>`sum(${caseDepartureCounts.cases})`,
          persons: sql<string>`sum(${caseDepartureCounts.persons})`,
        })
        .from(caseDepartureCounts)
        .where(departuresInPeriod)
        .groupBy(caseDepartureCounts.nationality, caseDepartureCounts.arrivalAirport),
      db
        .select({
          type: grantCounts.type,
          currency: grantCounts.currency,
          grants: sql<string>`sum(${grantCounts.grants})`,
          amount: sql<string>`sum(${grantCounts.amount})::text`,
          disbursed: sql<string>`sum(${grantCounts.disbursed})::text`,
        })
        .from(grantCounts)
        .where(
          and(
            summaryScope(actor, grantCounts, filters),
            gte(grantCounts.day, from),
            lte(grantCounts.day, to),
          ),
        )
        .groupBy(grantCounts.type, grantCounts.currency)
        .having(sql`sum(${grantCounts.grants}) <> 0`)
        .orderBy(grantCounts.type, grantCounts.currency),
      db
        .select({
          embassy_id: embassies.id,
          country: embassies.country,
          city: embassies.city,
          pending: sql<string>`sum(${pendingTravelDocumentCounts.n})`,
        })
        .from(pendingTravelDocumentCounts)
        .innerJoin(
          embassies,
          and(
            eq(embassies.missionId, pendingTravelDocumentCounts.missionId),
            eq(embassies.id, pendingTravelDocumentCounts.embassyId),
          ),
        )
        .where(summaryScope(actor, pendingTravelDocumentCounts, filters))
        .groupBy(embassies.id, embassies.country, embassies.city)
        .having(sql`sum(${pendingTravelDocumentCounts.n}) <> 0`)
        .orderBy(sql`sum(${pendingTravelDocumentCounts.n}) desc`, embassies.country, embassies.city),
      db
        .select({ id: offices.id, name: offices.name })
        .from(offices)
        .where(eq(offices.missionId, actor.missionId)),
    ]);

  const officeName = new Map(officeRows.map((office) => [office.id, office.name]));
  const sumBy = <K>(rows: { key: K; n: number }[]) => {
    const totals = new Map<K, number>();
    for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.n);
    return totals;
  };
  const open = caseload.map((row) => ({ ...row, n: Number(row.n) })).filter((row) => row.n !== 0);

  const byProgrammeStatus = sumBy(open.map((row) => ({ key: `${row.programme}|${row.status}`, n: row.n })));
  const byOffice = sumBy(open.map((row) => ({ key: row.officeId, n: row.n })));
  const byAssignee = sumBy(open.map((row) => ({ key: row.assigneeKey, n: row.n })));
  const byCategory = sumBy(
    open.flatMap((row) =>
      row.vulnerabilities === '' ? [] : row.vulnerabilities.split(',').map((key) => ({ key, n: row.n })),
    ),
  );
  const assigneeIds = [...byAssignee.keys()].filter((id) => id !== NO_ASSIGNEE);
  const assigneeNames = new Map(
    assigneeIds.length === 0
      ? []
      : (
          await db
            .select({ id: users.id, displayName: users.displayName })
            .from(users)
            .where(and(eq(users.missionId, actor.missionId), inArray(users.id, assigneeIds)))
        ).map((user) => [user.id, user.displayName]),
  );

  const weeks = new Map(
    weekStarts(from, to).map((week) => [week, { weekStart: week, cases: 0, persons: 0 }]),
  );
  const destinations = new Map<string, { cases: number; persons: number }>();
  for (const row of departuresByWeek) {
    const week = weeks.get(row.weekStart);
    if (!week) continue;
    week.cases += Number(row.cases);
    week.persons += Number(row.persons);
  }
  for (const row of departuresByPlace) {
    const country =
      (await destinationOf({
        arrival_airport: row.arrivalAirport,
        principal_nationality: row.nationality,
      })) ?? '';
    const entry = destinations.get(country) ?? { cases: 0, persons: 0 };
    entry.cases += Number(row.cases);
    entry.persons += Number(row.persons);
    destinations.set(country, entry);
  }

  const overdueByOffice = overdue
    .map((row) => ({ officeId: row.officeId, n: Number(row.n) }))
    .filter((r) => r.n > 0);
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  return {
    generatedAt: now.toISOString(),
    filters: { officeId: query.officeId ?? null, programme: query.programme ?? null, from, to },
    openCaseload: {
      total: open.reduce((sum, row) => sum + row.n, 0),
      byProgrammeStatus: [...byProgrammeStatus.entries()].map(([key, count]) => {
        const [programme, status] = key.split('|') as [string, string];
        return { programme, status, count };
      }),
      byOffice: [...byOffice.entries()]
        .map(([officeId, count]) => ({ officeId, officeName: officeName.get(officeId) ?? '', count }))
        .sort(byCount),
      byAssignee: [...byAssignee.entries()]
        .map(([key, count]) => ({
          assigneeId: key === NO_ASSIGNEE ? null : key,
          displayName: key === NO_ASSIGNEE ? null : (assigneeNames.get(key) ?? null),
          count,
        }))
        .sort(byCount),
    },
    overdueTasks: {
      total: overdueByOffice.reduce((sum, row) => sum + row.n, 0),
      byOffice: overdueByOffice
        .map((row) => ({
          officeId: row.officeId,
          officeName: officeName.get(row.officeId) ?? '',
          count: row.n,
        }))
        .sort(byCount),
    },
    departuresPerWeek: [...weeks.values()],
    topDestinations: [...destinations.entries()]
      .map(([country, entry]) => ({
        country: country || null,
        name: country ? countryName(country) : null,
        ...entry,
      }))
      .sort((a, b) => b.persons - a.persons || String(a.country).localeCompare(String(b.country)))
      .slice(0, 10),
    vulnerableCases: [...byCategory.entries()]
      .map(([category, count]) => ({ category, count }))
      .sort(byCount),
    grants: grants.map((row) => ({
      type: row.type,
      currency: row.currency,
      grants: Number(row.grants),
      amount: row.amount,
      disbursed: row.disbursed,
      disbursedPercent: new Decimal(row.amount).isZero()
        ? '0.0'
        : new Decimal(row.disbursed).div(row.amount).times(100).toFixed(1),
    })),
    travelDocumentsPending: travelDocuments.map((row) => ({
      embassyId: row.embassy_id,
      country: row.country,
      city: row.city,
      pending: Number(row.pending),
    })),
  };
}
