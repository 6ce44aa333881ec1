import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { apiKeys } from './schema.js';

/** Revokes an API key: from now on it answers 401. Revoking twice keeps the first time. */
export async function revokeApiKey(ctx: ServiceContext, keyId: string) {
  const where = and(eq(apiKeys.missionId, ctx.actor.missionId), eq(apiKeys.id, keyId));
  const [before] = await ctx.tx.select().from(apiKeys).where(where);
  if (!before) throw notFound('API key');
  if (before.revokedAt) return before;
  const [after] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: ctx.now, revokedBy: ctx.actor.id })
    .where(where)
    .returning();
  await recordAudit(ctx, {
    action: 'api_key.revoke',
    recordType: 'api_key',
    recordId: keyId,
    before: { revokedAt: null },
    after: { revokedAt: after!.revokedAt },
  });
  return after!;
}
