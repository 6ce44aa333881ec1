import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { WebhookTarget, WebhookTargetResolver } from '../../platform/outbox/channels/webhook-channel.js';
import { webhookSubscriptions } from './schema.js';
import { decryptSecret } from './secret-box.js';

/**
 * Looks up a subscription's URL and decrypts its signing secret when the worker delivers to it.
 * Targets are kept for `ttlMs` (a burst of events to one partner costs one query), so a change to
 * a subscription reaches deliveries within that time.
 */
export function createWebhookTargetResolver(
  db: Executor,
  options: { key?: Buffer; ttlMs?: number } = {},
): WebhookTargetResolver {
  const ttlMs = options.ttlMs ?? 5000;
  const cache = new Map<string, { target: WebhookTarget | null; until: number }>();
  return async (missionId, subscriptionId) => {
    const cacheKey = `${missionId}:${subscriptionId}`;
    const cached = cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.target;
    const [row] = await db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.missionId, missionId), eq(webhookSubscriptions.id, subscriptionId)));
    const target = row
      ? { url: row.url, secret: decryptSecret(row.secretCiphertext, options.key), active: row.active }
      : null;
    if (ttlMs > 0) {
      if (cache.size > 10_000) cache.clear();
      cache.set(cacheKey, { target, until: Date.now() + ttlMs });
    }
    return target;
  };
}
