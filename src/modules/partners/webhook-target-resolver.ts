import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { WebhookTargetResolver } from '../../platform/outbox/channels/webhook-channel.js';
import { webhookSubscriptions } from './schema.js';
import { decryptSecret } from './secret-box.js';

/** Looks up a subscription's URL and decrypts its signing secret when the worker delivers to it. */
export function createWebhookTargetResolver(db: Executor, key?: Buffer): WebhookTargetResolver {
  return async (missionId, subscriptionId) => {
    const [row] = await db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.missionId, missionId), eq(webhookSubscriptions.id, subscriptionId)));
    if (!row) return null;
    return { url: row.url, secret: decryptSecret(row.secretCiphertext, key), active: row.active };
  };
}
