import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { type Executor, selectRows } from '../../platform/db/database.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { visibleOfficeScope } from '../cases/case-policy.js';
import { offices } from '../organisation/schema.js';
import type {
  ListOutreachQuery,
  OutreachActivity,
  OutreachReport,
  OutreachReportQuery,
} from './counselling-schemas.js';
import { counsellingSessions, outreachActivities } from './schema.js';

/** The date range of a query: this year so far unless given. */
export function reportRange(
  query: { from?: string; to?: string },
  actor: Actor,
  now: Date,
): { from: string; to: string } {
  const today = missionToday(actor, now);
  return { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
}

/** The SQL expression that names a date's period: 2026-03, 2026-Q1 or 2026. */
function periodOf(column: SQL | unknown, period: OutreachReportQuery['period']): SQL {
  const format = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' }[period];
  return sql`to_char(${column}, ${sql.raw(`'${format}'`)})`;
}

/** Information sessions and network meetings, newest first, at the offices the actor may see. */
export async function listOutreachActivities(
  db: Executor,
  actor: Actor,
  query: ListOutreachQuery,
  now: Date,
): Promise<OutreachActivity[]> {
  const { from, to } = reportRange(query, actor, now);
  const rows = await db
    .select({ activity: outreachActivities, office: { id: offices.id, name: offices.name } })
    .from(outreachActivities)
    .innerJoin(
      offices,
      and(eq(offices.missionId, outreachActivities.missionId), eq(offices.id, outreachActivities.officeId)),
    )
    .where(
      and(
        eq(outreachActivities.missionId, actor.missionId),
        gte(outreachActivities.heldOn, from),
        lte(outreachActivities.heldOn, to),
        visibleOfficeScope(actor, outreachActivities.officeId),
        query.officeId ? eq(outreachActivities.officeId, query.officeId) : undefined,
      ),
    )
    .orderBy(desc(outreachActivities.heldOn), desc(outreachActivities.id))
    .limit(query.limit);
  return rows.map(({ activity, office }) => ({
    id: activity.id,
    heldOn: activity.heldOn,
    office,
    kind: activity.kind,
    participants: activity.participants,
    notes: activity.notes,
    createdAt: activity.createdAt.toISOString(),
  }));
}

type CountRow = {
  period: string;
  office_id: string;
  kind: string;
  n: number | string;
  participants: number | string;
};

/** Outreach counted per period and office: information sessions, network meetings, people reached, counselling sessions. */
export async function getOutreachReport(
  db: Executor,
  actor: Actor,
  query: OutreachReportQuery,
  now: Date,
): Promise<OutreachReport> {
  const { from, to } = reportRange(query, actor, now);
  const officeFilter = (column: typeof outreachActivities.officeId | typeof counsellingSessions.officeId) =>
    query.officeId ? sql`and ${column} = ${query.officeId}` : sql``;
  const outreach = await selectRows<CountRow>(
    db,
    sql`select ${periodOf(outreachActivities.heldOn, query.period)} as period, ${outreachActivities.officeId} as office_id,
          ${outreachActivities.kind} as kind, count(*) as n, coalesce(sum(${outreachActivities.participants}), 0) as participants
        from ${outreachActivities}
        where ${outreachActivities.missionId} = ${actor.missionId}
          and ${outreachActivities.heldOn} between ${from} and ${to}
          and ${visibleOfficeScope(actor, outreachActivities.officeId)} ${officeFilter(outreachActivities.officeId)}
        group by 1, 2, 3`,
  );
  const sessions = await selectRows<CountRow>(
    db,
    sql`select ${periodOf(counsellingSessions.heldOn, query.period)} as period, ${counsellingSessions.officeId} as office_id,
          'counselling' as kind, count(*) as n, 0 as participants
        from ${counsellingSessions}
        where ${counsellingSessions.missionId} = ${actor.missionId}
          and ${counsellingSessions.heldOn} between ${from} and ${to}
          and ${visibleOfficeScope(actor, counsellingSessions.officeId)} ${officeFilter(counsellingSessions.officeId)}
        group by 1, 2`,
  );
  const officeRows = await db
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(eq(offices.missionId, actor.missionId))
    .orderBy(asc(offices.name));
  const officeNames = new Map(officeRows.map((o) => [o.id, o.name]));

  const empty = () => ({
    informationSessions: 0,
    networkMeetings: 0,
    participants: 0,
    counsellingSessions: 0,
  });
  const byKey = new Map<string, OutreachReport['rows'][number]>();
  const totals = empty();
  for (const row of [...outreach, ...sessions]) {
    const key = `${row.period}|${row.office_id}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        period: row.period,
        office: { id: row.office_id, name: officeNames.get(row.office_id) ?? '' },
        ...empty(),
      };
      byKey.set(key, entry);
    }
    const n = Number(row.n);
    const field =
      row.kind === 'information_session'
        ? 'informationSessions'
        : row.kind === 'network_meeting'
          ? 'networkMeetings'
          : 'counsellingSessions';
    entry[field] += n;
    totals[field] += n;
    entry.participants += Number(row.participants);
    totals.participants += Number(row.participants);
  }
  const rows = [...byKey.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || a.office.name.localeCompare(b.office.name),
  );
  return { from, to, period: query.period, rows, totals };
}
