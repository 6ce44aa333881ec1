import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { users } from '../organisation/schema.js';
import type { CreateTask, Task } from './activity-schemas.js';
import { appendCaseEvent } from './case-events.js';
import { getTask } from './list-tasks.js';
import type { CaseRow } from './load-case.js';
import { caseTasks } from './schema.js';

/** Refuses an assignee who is not an active user of the mission (400 naming body.assigneeId). */
export async function ensureAssignable(db: Executor, missionId: string, userId: string): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.missionId, missionId), eq(users.active, true)));
  if (!user) {
    throw badRequest('The assignee is not an active user of this mission.', [
      { path: 'body.assigneeId', message: 'is not an active user of this mission' },
    ]);
  }
}

/** Adds a task to a case; without an assignee it goes to the case's assignee. */
export async function addTask(ctx: ServiceContext, kase: CaseRow, input: CreateTask): Promise<Task> {
  if (input.assigneeId !== undefined) await ensureAssignable(ctx.tx, kase.missionId, input.assigneeId);
  const [row] = await ctx.tx
    .insert(caseTasks)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      title: input.title,
      dueDate: input.dueDate ?? null,
      assigneeId: input.assigneeId ?? kase.assigneeId,
      blocksTravel: input.blocksTravel ?? false,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  const task = row!;
  await recordAudit(ctx, {
    action: 'task.create',
    recordType: 'case_task',
    recordId: task.id,
    after: {
      caseId: kase.id,
      title: task.title,
      dueDate: task.dueDate,
      assigneeId: task.assigneeId,
      blocksTravel: task.blocksTravel,
    },
  });
  await appendCaseEvent(ctx, kase.id, 'task_added', {
    taskId: task.id,
    title: task.title,
    ...(task.blocksTravel ? { blocksTravel: true } : {}),
  });
  return getTask(ctx.tx, kase.missionId, task.id);
}
