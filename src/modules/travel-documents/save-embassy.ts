import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { loadEmbassy } from './list-embassies.js';
import { type EmbassyRow, embassies } from './schema.js';
import type { CreateEmbassy, UpdateEmbassy } from './travel-document-schemas.js';

/** Adds an embassy or consulate to the directory. */
export async function createEmbassy(ctx: ServiceContext, input: CreateEmbassy): Promise<EmbassyRow> {
  const [row] = await ctx.tx
    .insert(embassies)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      country: input.country,
      kind: input.kind,
      city: input.city,
      address: input.address ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      notes: input.notes ?? null,
      reminderDays: input.reminderDays ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, { action: 'embassy.create', recordType: 'embassy', recordId: row!.id, after: row });
  return row!;
}

/** Changes an embassy's details (a null clears an optional field). */
export async function updateEmbassy(
  ctx: ServiceContext,
  id: string,
  input: UpdateEmbassy,
): Promise<EmbassyRow> {
  const before = await loadEmbassy(ctx.tx, ctx.actor.missionId, id, { forUpdate: true });
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) return before;
  const [row] = await ctx.tx
    .update(embassies)
    .set({ ...changes, updatedAt: ctx.now })
    .where(and(eq(embassies.missionId, before.missionId), eq(embassies.id, id)))
    .returning();
  await recordAudit(ctx, {
    action: 'embassy.update',
    recordType: 'embassy',
    recordId: id,
    before,
    after: row,
  });
  return row!;
}
