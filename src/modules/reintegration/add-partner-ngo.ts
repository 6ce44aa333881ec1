import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
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

/** Renames a partner NGO, or retires it (active false: its grants stay, no new ones name it) or brings it back. */
export async function updatePartnerNgo(
  ctx: ServiceContext,
  id: string,
  input: { name?: string; active?: boolean },
) {
  const missionId = ctx.actor.missionId;
  const where = and(eq(partnerNgos.missionId, missionId), eq(partnerNgos.id, id));
  const [before] = await ctx.tx.select().from(partnerNgos).where(where).for('update');
  if (!before) throw notFound('Partner NGO');
  if (input.name !== undefined) {
    const [taken] = await ctx.tx
      .select({ id: partnerNgos.id })
      .from(partnerNgos)
      .where(
        and(eq(partnerNgos.missionId, missionId), eq(partnerNgos.name, input.name), ne(partnerNgos.id, id)),
      );
    if (taken) throw conflict(`${input.name} is already on the list.`);
  }
  const [after] = await ctx.tx.update(partnerNgos).set(input).where(where).returning();
  await recordAudit(ctx, {
    action: 'partner_ngo.update',
    recordType: 'partner_ngo',
    recordId: id,
    before: { name: before.name, active: before.active },
    after: { name: after!.name, active: after!.active },
  });
  return { id: after!.id, name: after!.name, active: after!.active };
}
