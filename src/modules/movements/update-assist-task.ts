import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { users } from '../organisation/schema.js';
import { assistTasks } from './schema.js';

/** Assigns a meet-and-assist task to an officer, or ticks it off (or un-ticks it). */
export async function updateAssistTask(
  ctx: ServiceContext,
  taskId: string,
  input: { assigneeId?: string | null; done?: boolean },
) {
  const missionId = ctx.actor.missionId;
  const [task] = await ctx.tx
    .select()
    .from(assistTasks)
    .where(and(eq(assistTasks.missionId, missionId), eq(assistTasks.id, taskId)))
    .for('update');
  if (!task) throw notFound('Task');
  if (input.assigneeId) {
    const [user] = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.missionId, missionId), eq(users.id, input.assigneeId), eq(users.active, true)));
    if (!user)
      throw badRequest('No such colleague.', [{ path: 'body.assigneeId', message: 'is not an active user' }]);
  }
  const changes: Partial<typeof assistTasks.$inferInsert> = {};
  if (input.assigneeId !== undefined) changes.assigneeId = input.assigneeId;
  if (input.done === true && !task.doneAt) Object.assign(changes, { doneAt: ctx.now, doneBy: ctx.actor.id });
  if (input.done === false && task.doneAt) Object.assign(changes, { doneAt: null, doneBy: null });
  if (Object.keys(changes).length === 0) return task;
  const [updated] = await ctx.tx
    .update(assistTasks)
    .set(changes)
    .where(and(eq(assistTasks.missionId, missionId), eq(assistTasks.id, taskId)))
    .returning();
  await recordAudit(ctx, {
    action: 'assist_task.update',
    recordType: 'assist_task',
    recordId: taskId,
    before: { assigneeId: task.assigneeId, done: task.doneAt !== null },
    after: { assigneeId: updated!.assigneeId, done: updated!.doneAt !== null },
  });
  return updated!;
}
