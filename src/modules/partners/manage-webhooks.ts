import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { generateWebhookSecret } from './api-key-tokens.js';
import { loadPartner } from './load-partner.js';
import type { ZCreateWebhook, ZUpdateWebhook } from './partner-schemas.js';
import { webhookSubscriptions } from './schema.js';
import { encryptSecret } from './secret-box.js';

/** Subscribes a partner's URL to events; the signing secret is returned this once and stored encrypted. */
export async function createWebhookSubscription(
  ctx: ServiceContext,
  partnerId: string,
  input: z.infer<typeof ZCreateWebhook>,
) {
  await loadPartner(ctx.tx, ctx.actor.missionId, partnerId);
  const secret = generateWebhookSecret();
  const [row] = await ctx.tx
    .insert(webhookSubscriptions)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      partnerId,
      url: input.url,
      events: [...new Set(input.events)],
      caseScope: input.caseScope,
      secretCiphertext: encryptSecret(secret),
      active: true,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
    })
    .returning();
  const { secretCiphertext: _sealed, ...recorded } = row!;
  await recordAudit(ctx, {
    action: 'webhook_subscription.create',
    recordType: 'webhook_subscription',
    recordId: row!.id,
    after: recorded,
  });
  return { row: row!, secret };
}

/** Changes a subscription's URL, events or scope, or pauses it (paused deliveries are dead-lettered). */
export async function updateWebhookSubscription(
  ctx: ServiceContext,
  subscriptionId: string,
  input: z.infer<typeof ZUpdateWebhook>,
) {
  const where = and(
    eq(webhookSubscriptions.missionId, ctx.actor.missionId),
    eq(webhookSubscriptions.id, subscriptionId),
  );
  const [before] = await ctx.tx.select().from(webhookSubscriptions).where(where);
  if (!before) throw notFound('Webhook subscription');
  const [after] = await ctx.tx
    .update(webhookSubscriptions)
    .set({ ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}) })
    .where(where)
    .returning();
  const { secretCiphertext: _a, ...beforeShown } = before;
  const { secretCiphertext: _b, ...afterShown } = after!;
  await recordAudit(ctx, {
    action: 'webhook_subscription.update',
    recordType: 'webhook_subscription',
    recordId: subscriptionId,
    before: beforeShown,
    after: afterShown,
  });
  return after!;
}
