import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { offices } from '../organisation/schema.js';
import type { CreateOutreachActivity, OutreachActivity } from './counselling-schemas.js';
import { ensureMissionOffice } from './record-counselling-session.js';
import { outreachActivities } from './schema.js';

/** Records an information session or network meeting held at an office. */
export async function recordOutreachActivity(
  ctx: ServiceContext,
  input: CreateOutreachActivity,
): Promise<OutreachActivity> {
  await ensureMissionOffice(ctx.tx, ctx.actor.missionId, input.officeId, 'body.officeId');
  const [row] = await ctx.tx
    .insert(outreachActivities)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      heldOn: input.heldOn,
      officeId: input.officeId,
      kind: input.kind,
      participants: input.participants,
      notes: input.notes ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'outreach_activity.create',
    recordType: 'outreach_activity',
    recordId: row!.id,
    after: row,
  });
  const activity = row!;
  const [office] = await ctx.tx
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(and(eq(offices.missionId, activity.missionId), eq(offices.id, activity.officeId)));
  return {
    id: activity.id,
    heldOn: activity.heldOn,
    office: office!,
    kind: activity.kind,
    participants: activity.participants,
    notes: activity.notes,
    createdAt: activity.createdAt.toISOString(),
  };
}
