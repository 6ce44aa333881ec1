import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../db/transaction.js';
import { newId } from '../ids.js';
import { type OutboxMessageInput, payloadSchemas } from './outbox-types.js';
import { outboxMessages } from './schema.js';

/** How many times a message is tried before it is dead-lettered, unless the caller says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Writes a message to the outbox in the caller's transaction, so it is sent if and only if the
 * change that caused it commits. Enqueueing the same idempotency key again is a no-op that returns
 * the existing message (`created: false`). The payload is validated against its channel's schema.
 */
export async function enqueueMessage(
  ctx: ServiceContext,
  message: OutboxMessageInput & { maxAttempts?: number },
): Promise<{ id: string; created: boolean }> {
  const payload = payloadSchemas[message.channel].parse(message.payload) as Record<string, unknown>;
  const missionId = ctx.actor.missionId;
  const [inserted] = await ctx.tx
    .insert(outboxMessages)
    .values({
      missionId,
      id: newId(),
      channel: message.channel,
      kind: message.kind,
      idempotencyKey: message.idempotencyKey,
      caseId: message.caseId ?? null,
      payload,
      status: 'pending',
      attempts: 0,
      maxAttempts: message.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      nextAttemptAt: ctx.now,
      createdAt: ctx.now,
    })
    .onConflictDoNothing({ target: [outboxMessages.missionId, outboxMessages.idempotencyKey] })
    .returning({ id: outboxMessages.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await ctx.tx
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.missionId, missionId), eq(outboxMessages.idempotencyKey, message.idempotencyKey)),
    );
  return { id: existing!.id, created: false };
}
