import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { validatePartnerReferences } from './load-partner.js';
import type { CreatePartner } from './partner-schemas.js';
import { partners } from './schema.js';

/** Records a partner organisation (COA, DT&V, an NGO) of the mission. */
export async function createPartner(ctx: ServiceContext, input: CreatePartner) {
  const missionId = ctx.actor.missionId;
  await validatePartnerReferences(ctx.tx, missionId, input);
  const [existing] = await ctx.tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.missionId, missionId), eq(partners.name, input.name)));
  if (existing) throw conflict(`A partner named "${input.name}" exists.`);
  const [row] = await ctx.tx
    .insert(partners)
    .values({
      missionId,
      id: newId(),
      name: input.name,
      kind: input.kind,
      referralSource: input.referralSource,
      defaultOfficeId: input.defaultOfficeId,
      contactEmail: input.contactEmail ?? null,
      active: true,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, { action: 'partner.create', recordType: 'partner', recordId: row!.id, after: row });
  return row!;
}
