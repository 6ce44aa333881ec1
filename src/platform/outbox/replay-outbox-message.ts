import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../db/transaction.js';
import { conflict, notFound } from '../http/problem.js';
import { type OutboxMessageRow, outboxMessages } from './schema.js';

/**
 * Puts a dead (or failed, or already sent) message back in the queue with a fresh attempt budget:
 * an administrator's answer to a dead letter, or a partner asking for a delivery again. The
 * receiver sees the same idempotency key, so a repeat of a delivered message is recognisable.
 */
export async function replayOutboxMessage(ctx: ServiceContext, messageId: string): Promise<OutboxMessageRow> {
  const where = and(eq(outboxMessages.missionId, ctx.actor.missionId), eq(outboxMessages.id, messageId));
  const [before] = await ctx.tx.select().from(outboxMessages).where(where).for('update');
  if (!before) throw notFound('Message');
  if (before.status === 'pending' || before.status === 'sending')
    throw conflict('The message is already waiting to be delivered.');
  const [after] = await ctx.tx
    .update(outboxMessages)
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: ctx.now,
      lockedUntil: null,
      lastError: null,
      replayCount: before.replayCount + 1,
    })
    .where(and(where, inArray(outboxMessages.status, ['sent', 'failed', 'dead'])))
    .returning();
  await recordAudit(ctx, {
    action: 'outbox.replay',
    recordType: 'outbox_message',
    recordId: messageId,
    before: { status: before.status, attempts: before.attempts },
    after: { status: after!.status },
  });
  return after!;
}
