import { and, asc, count, desc, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, visibleOfficeIds } from '../../platform/auth/actor.js';
import { type Executor, selectRows } from '../../platform/db/database.js';
import { offices, users } from '../organisation/schema.js';
import { normaliseName } from '../persons/name-normalisation.js';
import { persons } from '../persons/schema.js';
import { seesAllRestrictedCases, visibleCasesWhere } from './case-policy.js';
import { encodeCaseCursor, type ListCasesQuery } from './case-schemas.js';
import { presentCaseBase } from './present-case.js';
import { caseGroupMembers, cases } from './schema.js';

// Finished cases: "open" lists leave them out.
const FINISHED_STATUSES = ['closed', 'withdrawn'];

function filtersOf(actor: Actor, query: ListCasesQuery): SQL {
  const conditions: SQL[] = [visibleCasesWhere(actor)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.programme) conditions.push(eq(cases.programme, query.programme));
  if (query.officeId) conditions.push(eq(cases.officeId, query.officeId));
  if (query.assigneeId === 'me') conditions.push(eq(cases.assigneeId, actor.id));
  else if (query.assigneeId === 'none') conditions.push(isNull(cases.assigneeId));
  else if (query.assigneeId) conditions.push(eq(cases.assigneeId, query.assigneeId));
  if (query.vulnerability) conditions.push(sql`${query.vulnerability} = any(${cases.vulnerabilities})`);
  if (query.open === true) conditions.push(notInArray(cases.status, FINISHED_STATUSES));
  if (query.open === false) conditions.push(inArray(cases.status, FINISHED_STATUSES));
  // Fold the text the way names are stored, and keep LIKE's wildcards literal.
  const q = query.q
    ? normaliseName(query.q)
        .replace(/[%_\\]/g, ' ')
        .trim()
    : '';
  if (q.length > 0) {
    // A case matches on its reference or on the name of anyone in its group (trigram index on name_key).
    conditions.push(sql`(${cases.reference} ilike ${`%${q}%`} or exists (
      select 1 from ${caseGroupMembers} m join ${persons} p on p.mission_id = m.mission_id and p.id = m.person_id
      where m.mission_id = ${cases.missionId} and m.case_group_id = ${cases.caseGroupId}
        and p.name_key like ${`%${q}%`}))`);
  }
  return and(...conditions)!;
}

/** The nil UUID: "no assignee" in the summary tables' keys. */
const NO_ASSIGNEE = '00000000-0000-0000-0000-000000000000';

/**
 * The number of cases a list query matches. Counting every matching row is most of a list's time
 * on a large caseload, so for an actor who sees every case of the mission (mission-wide manager,
 * administrator or vulnerable-cases officer), filtering on the summary's own key (status, open,
 * programme, office, assignee), the total is read from `case_counts`: the per-key counts the
 * database keeps in the transaction of every case change (migrations/*_reports_summary_triggers.sql),
 * exact, in a few rows. Any other query counts the rows.
 */
async function countCases(db: Executor, actor: Actor, query: ListCasesQuery, where: SQL): Promise<number> {
  const seesEveryCase = visibleOfficeIds(actor) === null && seesAllRestrictedCases(actor);
  if (seesEveryCase && !query.q && !query.vulnerability) {
    const conditions: SQL[] = [sql`mission_id = ${actor.missionId}`];
    if (query.status) conditions.push(sql`status = ${query.status}`);
    if (query.programme) conditions.push(sql`programme = ${query.programme}`);
    if (query.officeId) conditions.push(sql`office_id = ${query.officeId}`);
    if (query.assigneeId === 'me') conditions.push(sql`assignee_key = ${actor.id}`);
    else if (query.assigneeId === 'none') conditions.push(sql`assignee_key = ${NO_ASSIGNEE}`);
    else if (query.assigneeId) conditions.push(sql`assignee_key = ${query.assigneeId}`);
    const finished = sql.join(
      FINISHED_STATUSES.map((status) => sql`${status}`),
      sql`, `,
    );
    if (query.open === true) conditions.push(sql`status not in (${finished})`);
    if (query.open === false) conditions.push(sql`status in (${finished})`);
    const [row] = await selectRows<{ total: string | number | null }>(
      db,
      sql`select coalesce(sum(n), 0) as total from case_counts where ${sql.join(conditions, sql` and `)}`,
    );
    return Number(row?.total ?? 0);
  }
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(cases).where(where);
  return Number(total);
}

/**
 * One page of the caseload the actor may see, newest change first (then id), with the total and
 * the cursor of the next page. The page is found either by number (`page`, skipping the pages
 * before it) or, for deep pages, after the cursor of the previous one (`after`): the rows that
 * come after that case in the list's order, read from the index without skipping anything.
 */
export async function listCases(db: Executor, actor: Actor, query: ListCasesQuery) {
  const where = filtersOf(actor, query);
  const page = query.after ? undefined : (query.page ?? 1);
  const after = query.after
    ? sql`${cases.updatedAt} <= ${query.after.updatedAt}::timestamptz
          and (${cases.updatedAt}, ${cases.id}) < (${query.after.updatedAt}::timestamptz, ${query.after.id}::uuid)`
    : undefined;
  // One row more than the page tells whether there is a next page.
  const fetched = await db
    .select({
      kase: cases,
      officeName: offices.name,
      assignee: { id: users.id, displayName: users.displayName, email: users.email },
      // updatedAt to the microsecond (a JavaScript Date keeps milliseconds), for the cursor.
      cursorAt: sql<string>`to_char(${cases.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(cases)
    .innerJoin(offices, and(eq(offices.missionId, cases.missionId), eq(offices.id, cases.officeId)))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(after ? and(where, after) : where)
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(query.pageSize + 1)
    .offset(page ? (page - 1) * query.pageSize : 0);
  const rows = fetched.slice(0, query.pageSize);
  const last = rows.at(-1);
  const nextCursor =
    fetched.length > query.pageSize && last
      ? encodeCaseCursor({ updatedAt: last.cursorAt, id: last.kase.id })
      : null;
  const total = await countCases(db, actor, query, where);
  const groupIds = rows.map((row) => row.kase.caseGroupId);
  const members =
    groupIds.length === 0
      ? []
      : await db
          .select({
            caseGroupId: caseGroupMembers.caseGroupId,
            id: persons.id,
            givenName: persons.givenName,
            familyName: persons.familyName,
          })
          .from(caseGroupMembers)
          .innerJoin(
            persons,
            and(eq(persons.missionId, caseGroupMembers.missionId), eq(persons.id, caseGroupMembers.personId)),
          )
          .where(
            and(
              eq(caseGroupMembers.missionId, actor.missionId),
              inArray(caseGroupMembers.caseGroupId, groupIds),
            ),
          )
          .orderBy(asc(caseGroupMembers.position));
  return {
    items: rows.map(({ kase, officeName, assignee }) => ({
      ...presentCaseBase(kase, {
        office: { id: kase.officeId, name: officeName },
        assignee: assignee?.id ? assignee : null,
      }),
      persons: members
        .filter((member) => member.caseGroupId === kase.caseGroupId)
        .map(({ id, givenName, familyName }) => ({ id, givenName, familyName })),
    })),
    total,
    ...(page ? { page } : {}),
    pageSize: query.pageSize,
    nextCursor,
  };
}
