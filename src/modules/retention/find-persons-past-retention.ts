import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { caseGroupMembers, cases } from '../cases/schema.js';
import { persons } from '../persons/schema.js';
import { closingStatuses, type EffectiveRetentionRule, retentionCutoff } from './retention-defaults.js';
import type { RetentionCandidate } from './retention-schemas.js';
import { personAnonymisations } from './schema.js';

/**
 * SQL: the case (a row of `cases`) is closed and its programme's retention period has passed since
 * it closed, under a rule that anonymises. A case of a programme without a closing status, or whose
 * rule keeps, is never past retention.
 */
export function casePastRetention(rules: readonly EffectiveRetentionRule[], now: Date): SQL {
  const parts = rules
    .filter((rule) => rule.action === 'anonymise' && closingStatuses(rule.programme).length > 0)
    .map((rule) =>
      and(
        eq(cases.programme, rule.programme),
        inArray(cases.status, [...closingStatuses(rule.programme)]),
        sql`${cases.statusChangedAt} <= ${retentionCutoff(now, rule.yearsAfterClosure).toISOString()}::timestamptz`,
      ),
    );
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}

/**
 * The persons of the mission not yet anonymised who have at least one case and every case of whom
 * is past retention: someone on an open case, or on a case closed too recently, is never among them.
 * Ordered by id, from `after` on, so a long run can go through them in pages.
 */
export async function findPersonsPastRetention(
  db: Executor,
  options: {
    missionId: string;
    rules: readonly EffectiveRetentionRule[];
    now: Date;
    personId?: string;
    after?: string;
    limit?: number;
  },
): Promise<string[]> {
  const past = casePastRetention(options.rules, options.now);
  const personCases = (condition: SQL) => sql`
    select 1 from ${caseGroupMembers}
    join ${cases} on ${cases.missionId} = ${caseGroupMembers.missionId} and ${cases.caseGroupId} = ${caseGroupMembers.caseGroupId}
    where ${caseGroupMembers.missionId} = ${persons.missionId} and ${caseGroupMembers.personId} = ${persons.id} and ${condition}`;
  const query = db
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.missionId, options.missionId),
        options.personId ? eq(persons.id, options.personId) : undefined,
        options.after ? sql`${persons.id} > ${options.after}` : undefined,
        sql`not exists (select 1 from ${personAnonymisations} where ${personAnonymisations.missionId} = ${persons.missionId} and ${personAnonymisations.personId} = ${persons.id})`,
        sql`exists (${personCases(sql`true`)})`,
        sql`not exists (${personCases(sql`not (${past})`)})`,
      ),
    )
    .orderBy(asc(persons.id));
  const rows = options.limit ? await query.limit(options.limit) : await query;
  return rows.map((row) => row.id);
}

/** The persons with the cases that put them past retention, for a dry run's list. */
export async function describeCandidates(
  db: Executor,
  missionId: string,
  personIds: readonly string[],
): Promise<RetentionCandidate[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({
      personId: caseGroupMembers.personId,
      id: cases.id,
      reference: cases.reference,
      programme: cases.programme,
      status: cases.status,
      closedAt: cases.statusChangedAt,
    })
    .from(caseGroupMembers)
    .innerJoin(
      cases,
      and(
        eq(cases.missionId, caseGroupMembers.missionId),
        eq(cases.caseGroupId, caseGroupMembers.caseGroupId),
      ),
    )
    .where(and(eq(caseGroupMembers.missionId, missionId), inArray(caseGroupMembers.personId, [...personIds])))
    .orderBy(asc(cases.statusChangedAt));
  return personIds.map((personId) => {
    const own = rows.filter((row) => row.personId === personId);
    return {
      personId,
      lastClosedAt: own.at(-1)!.closedAt.toISOString(),
      cases: own.map(({ personId: _p, closedAt, ...rest }) => ({
        ...rest,
        closedAt: closedAt.toISOString(),
      })),
    };
  });
}
