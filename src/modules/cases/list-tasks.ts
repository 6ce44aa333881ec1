import { and, asc, eq, getTableColumns, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { Task, TaskQuery } from './activity-schemas.js';
import { visibleCasesWhere } from './case-policy.js';
import type { CaseRow } from './load-case.js';
import { loadUserSummaries, presentTask } from './present-activity.js';
import { cases, caseTasks } from './schema.js';

/** Tasks with their case's reference, presented; `where` may refer to both tables. */
export async function selectTasks(
  db: Executor,
  options: { missionId: string; where: SQL; orderBy: SQL[]; limit?: number },
): Promise<Task[]> {
  const query = db
    .select({ ...getTableColumns(caseTasks), caseReference: cases.reference })
    .from(caseTasks)
    .innerJoin(cases, and(eq(cases.missionId, caseTasks.missionId), eq(cases.id, caseTasks.caseId)))
    .where(and(eq(caseTasks.missionId, options.missionId), options.where))
    .orderBy(...options.orderBy);
  const rows = options.limit === undefined ? await query : await query.limit(options.limit);
  const people = await loadUserSummaries(
    db,
    options.missionId,
    rows.flatMap((row) => [row.assigneeId, row.doneBy]),
  );
  return rows.map((row) => presentTask(row, people));
}

const byDueDate = [sql`${caseTasks.dueDate} asc nulls last`, asc(caseTasks.createdAt), asc(caseTasks.id)];

/** A case's tasks: open ones first, then by due date (undated last). */
export function listCaseTasks(db: Executor, kase: CaseRow): Promise<Task[]> {
  return selectTasks(db, {
    missionId: kase.missionId,
    where: eq(caseTasks.caseId, kase.id),
    orderBy: [sql`${caseTasks.doneAt} is not null`, ...byDueDate],
  });
}

/**
 * Tasks across every case the actor may see ("my tasks" with assigneeId=me), by due date with
 * undated tasks last. The case visibility rule is applied in SQL, so hidden cases' tasks never leave
 * the database.
 */
export function listTasks(db: Executor, actor: Actor, query: TaskQuery): Promise<Task[]> {
  const conditions: SQL[] = [visibleCasesWhere(actor)];
  if (query.assigneeId !== undefined) {
    conditions.push(eq(caseTasks.assigneeId, query.assigneeId === 'me' ? actor.id : query.assigneeId));
  }
  if (query.open === 'true') conditions.push(isNull(caseTasks.doneAt));
  if (query.open === 'false') conditions.push(isNotNull(caseTasks.doneAt));
  return selectTasks(db, {
    missionId: actor.missionId,
    where: and(...conditions)!,
    orderBy: byDueDate,
    limit: query.limit,
  });
}

/** One task, presented (after a change). */
export async function getTask(db: Executor, missionId: string, taskId: string): Promise<Task> {
  const [task] = await selectTasks(db, { missionId, where: eq(caseTasks.id, taskId), orderBy: [] });
  if (!task) throw new Error(`Task ${taskId} vanished`);
  return task;
}
