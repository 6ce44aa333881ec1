import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';
import { referrals, webhookSubscriptions } from './schema.js';
import type { WebhookEvent } from './webhook-events.js';

/**
 * Queues `event` for every active subscription to it, in the caller's transaction: one outbox
 * message per subscription, signed and retried by the worker. For a case's event, partners whose
 * subscription covers only the cases they referred hear of it only when they referred that case.
 * Returns the event id (the `id` field of the delivered body) and the number of deliveries queued.
 */
export async function publishEvent(
  ctx: ServiceContext,
  event: WebhookEvent,
  data: Record<string, unknown>,
  options: { caseId?: string | null; eventId?: string } = {},
): Promise<{ eventId: string; deliveries: number }> {
  const missionId = ctx.actor.missionId;
  const caseId = options.caseId ?? (typeof data.caseId === 'string' ? data.caseId : null);
  const eventId = options.eventId ?? newId();
  const s = webhookSubscriptions;
  const referredByPartner = caseId
    ? sql`exists (select 1 from ${referrals} r where r.mission_id = ${s.missionId} and r.partner_id = ${s.partnerId} and r.case_id = ${caseId})`
    : sql`false`;
  const subscriptions = await ctx.tx
    .select({ id: s.id })
    .from(s)
    .where(
      and(
        eq(s.missionId, missionId),
        eq(s.active, true),
        sql`${event} = any(${s.events})`,
        sql`(${s.caseScope} = 'all' or ${referredByPartner})`,
      ),
    );
  const body = { id: eventId, type: event, createdAt: ctx.now.toISOString(), data };
  for (const subscription of subscriptions) {
    await enqueueMessage(ctx, {
      channel: 'webhook',
      kind: event,
      idempotencyKey: `webhook:${eventId}:${subscription.id}`,
      caseId,
      payload: { subscriptionId: subscription.id, event, body },
    });
  }
  return { eventId, deliveries: subscriptions.length };
}
