import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { partnerNgos } from './schema.js';

/** Adds a partner NGO to the mission's list. */
export async function addPartnerNgo(ctx: ServiceContext, input: { name: string }) {
  const [row] = await ctx.tx
    .insert(partnerNgos)
    .values({ missionId: ctx.actor.missionId, id: newId(), name: input.name })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`${input.name} is already on the list.`);
  await recordAudit(ctx, {
    action: 'partner_ngo.create',
    recordType: 'partner_ngo',
    recordId: row.id,
    after: { name: row.name },
  });
  return { id: row.id, name: row.name, active: row.active };
}
