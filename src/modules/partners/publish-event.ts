import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';
import { caseGroupMembers, cases } from '../cases/schema.js';
import { referrals, webhookSubscriptions } from './schema.js';
import { allConsentedToPartner } from './sharing-consent.js';
import type { WebhookEvent } from './webhook-events.js';

/**
 * Queues `event` for every active subscription to it, in the caller's transaction: one outbox
 * message per subscription, signed and retried by the worker. For a case's event, partners whose
 * subscription covers only the cases they referred hear of it only when they referred that case.
 * Fields named in `personalData` (a withdrawal's reason, a flight, a PNR) go to a partner only when
 * every person concerned (`personIds`, else the persons of the case) consented to sharing with that
 * partner; otherwise they are left out and `personalDataWithheld: true` says so. Every delivery
 * queued is a transfer, audited as `transfer.partner` with whether personal data went with it.
 * Returns the event id (the `id` field of the delivered body) and the number of deliveries queued.
 */
export async function publishEvent(
  ctx: ServiceContext,
  event: WebhookEvent,
  data: Record<string, unknown>,
  options: { caseId?: string | null; eventId?: string; personalData?: string[]; personIds?: string[] } = {},
): Promise<{ eventId: string; deliveries: number }> {
  const missionId = ctx.actor.missionId;
  const caseId = options.caseId ?? (typeof data.caseId === 'string' ? data.caseId : null);
  const eventId = options.eventId ?? newId();
  const s = webhookSubscriptions;
  const referredByPartner = caseId
    ? sql`exists (select 1 from ${referrals} r where r.mission_id = ${s.missionId} and r.partner_id = ${s.partnerId} and r.case_id = ${caseId})`
    : sql`false`;
  const subscriptions = await ctx.tx
    .select({ id: s.id, partnerId: s.partnerId })
    .from(s)
    .where(
      and(
        eq(s.missionId, missionId),
        eq(s.active, true),
        sql`${event} = any(${s.events})`,
        sql`(${s.caseScope} = 'all' or ${referredByPartner})`,
      ),
    );
  const personal = (options.personalData ?? []).filter((field) => data[field] !== undefined);
  const concerned =
    personal.length === 0 || subscriptions.length === 0
      ? []
      : (options.personIds ?? (caseId ? await personsOfCase(ctx, caseId) : []));
  const withheld = Object.fromEntries(Object.entries(data).filter(([field]) => !personal.includes(field)));
  for (const subscription of subscriptions) {
    const shared =
      personal.length === 0 || (await allConsentedToPartner(ctx, concerned, subscription.partnerId));
    const body = {
      id: eventId,
      type: event,
      createdAt: ctx.now.toISOString(),
      data: shared ? data : { ...withheld, personalDataWithheld: true },
    };
    await recordAudit(ctx, {
      action: 'transfer.partner',
      recordType: caseId ? 'case' : 'webhook_event',
      recordId: caseId ?? eventId,
      after: {
        channel: 'webhook',
        event,
        eventId,
        partnerId: subscription.partnerId,
        subscriptionId: subscription.id,
        personalData: shared && personal.length > 0 ? personal : [],
        withheld: shared ? [] : personal,
      },
    });
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

/** The persons of a case (principal and members of its group). */
async function personsOfCase(ctx: ServiceContext, caseId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ personId: caseGroupMembers.personId })
    .from(cases)
    .innerJoin(
      caseGroupMembers,
      and(
        eq(caseGroupMembers.missionId, cases.missionId),
        eq(caseGroupMembers.caseGroupId, cases.caseGroupId),
      ),
    )
    .where(and(eq(cases.missionId, ctx.actor.missionId), eq(cases.id, caseId)));
  return rows.map((row) => row.personId);
}
