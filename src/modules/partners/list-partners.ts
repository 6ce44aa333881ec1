import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { apiKeys, partners, webhookSubscriptions } from './schema.js';

/** The mission's partners by name. */
export function listPartners(db: Executor, missionId: string) {
  return db.select().from(partners).where(eq(partners.missionId, missionId)).orderBy(asc(partners.name));
}

/** A partner's API keys, newest first (revoked ones too, for the record). */
export function listApiKeys(db: Executor, missionId: string, partnerId: string) {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.missionId, missionId), eq(apiKeys.partnerId, partnerId)))
    .orderBy(desc(apiKeys.createdAt));
}

/** A partner's webhook subscriptions, newest first. */
export function listWebhooks(db: Executor, missionId: string, partnerId: string) {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.missionId, missionId), eq(webhookSubscriptions.partnerId, partnerId)))
    .orderBy(desc(webhookSubscriptions.createdAt));
}
