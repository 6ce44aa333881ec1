import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { notFound } from '../../platform/http/problem.js';
import type { Task, UpdateTask } from './activity-schemas.js';
import { ensureAssignable } from './add-task.js';
import { appendCaseEvent } from './case-events.js';
import { getTask } from './list-tasks.js';
import type { CaseRow } from './load-case.js';
import { caseTasks } from './schema.js';

export type TaskRow = typeof caseTasks.$inferSelect;

/**
 * Loads a task of the actor's mission and locks it, so two people ticking it at once record one
 * completion. Its case must still be loaded (and so checked for visibility) by the caller.
 */
export async function loadTaskForUpdate(db: Executor, actor: Actor, taskId: string): Promise<TaskRow> {
  const [row] = await db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.missionId, actor.missionId), eq(caseTasks.id, taskId)))
    .for('update');
  if (!row) throw notFound('Task');
  return row;
}

type TaskChanges = Partial<
  Pick<TaskRow, 'title' | 'dueDate' | 'assigneeId' | 'blocksTravel' | 'doneAt' | 'doneBy'>
>;

/** Changes a task; ticking it done records who and when, un-ticking clears both. */
export async function updateTask(
  ctx: ServiceContext,
  kase: CaseRow,
  task: TaskRow,
  input: UpdateTask,
): Promise<Task> {
  const changes: TaskChanges = {};
  if (input.title !== undefined && input.title !== task.title) changes.title = input.title;
  if (input.dueDate !== undefined && input.dueDate !== task.dueDate) changes.dueDate = input.dueDate;
  if (input.blocksTravel !== undefined && input.blocksTravel !== task.blocksTravel) {
    changes.blocksTravel = input.blocksTravel;
  }
  if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) {
    if (input.assigneeId !== null) await ensureAssignable(ctx.tx, kase.missionId, input.assigneeId);
    changes.assigneeId = input.assigneeId;
  }
  const wasDone = task.doneAt !== null;
  // Ticking a task that is already done keeps the first completion.
  if (input.done === true && !wasDone) Object.assign(changes, { doneAt: ctx.now, doneBy: ctx.actor.id });
  if (input.done === false && wasDone) Object.assign(changes, { doneAt: null, doneBy: null });

  if (Object.keys(changes).length > 0) {
    await ctx.tx
      .update(caseTasks)
      .set(changes)
      .where(and(eq(caseTasks.missionId, task.missionId), eq(caseTasks.id, task.id)));
    const before = Object.fromEntries(
      Object.keys(changes).map((key) => [key, task[key as keyof TaskChanges]]),
    );
    await recordAudit(ctx, {
      action: 'task.update',
      recordType: 'case_task',
      recordId: task.id,
      before: { caseId: task.caseId, ...before },
      after: { caseId: task.caseId, ...changes },
    });
    if ('doneAt' in changes) {
      const kind = changes.doneAt ? 'task_completed' : 'task_reopened';
      await appendCaseEvent(ctx, kase.id, kind, { taskId: task.id, title: changes.title ?? task.title });
      await emitEvent(ctx, 'case.task_changed', {
        caseId: kase.id,
        taskId: task.id,
        done: changes.doneAt !== null,
      });
    }
  }
  return getTask(ctx.tx, kase.missionId, task.id);
}
