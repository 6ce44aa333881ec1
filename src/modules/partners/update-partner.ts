import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { loadPartner, validatePartnerReferences } from './load-partner.js';
import type { UpdatePartner } from './partner-schemas.js';
import { partners } from './schema.js';

/** Changes a partner; an inactive partner's API keys stop working at once. */
export async function updatePartner(ctx: ServiceContext, partnerId: string, input: UpdatePartner) {
  const missionId = ctx.actor.missionId;
  const before = await loadPartner(ctx.tx, missionId, partnerId);
  await validatePartnerReferences(ctx.tx, missionId, input);
  const [after] = await ctx.tx
    .update(partners)
    .set(input)
    .where(and(eq(partners.missionId, missionId), eq(partners.id, partnerId)))
    .returning();
  await recordAudit(ctx, {
    action: 'partner.update',
    recordType: 'partner',
    recordId: partnerId,
    before,
    after,
  });
  return after!;
}
