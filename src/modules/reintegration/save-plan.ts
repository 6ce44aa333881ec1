import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { offices } from '../organisation/schema.js';
import type { PlanRow } from './load-reintegration-case.js';
import type { SavePlan } from './reintegration-schemas.js';
import { reintegrationPlans } from './schema.js';

async function checkOriginOffice(ctx: ServiceContext, officeId: string): Promise<void> {
  const [office] = await ctx.tx
    .select({ kind: offices.kind })
    .from(offices)
    .where(and(eq(offices.missionId, ctx.actor.missionId), eq(offices.id, officeId)));
  if (office?.kind !== 'origin_office') {
    throw unprocessable('The plan is followed up by an office in the country of origin.', undefined, [
      { path: 'body.originOfficeId', message: 'Not an origin office of this mission' },
    ]);
  }
}

/**
 * Drafts a case's reintegration plan, or changes it. A change to a finalised plan (made in the
 * country of origin) makes it "revised" and records who revised it and when.
 */
export async function savePlan(
  ctx: ServiceContext,
  kase: CaseRow,
  existing: PlanRow | null,
  input: SavePlan,
): Promise<PlanRow> {
  await checkOriginOffice(ctx, input.originOfficeId);
  const fields = {
    supportKinds: input.supportKinds,
    description: input.description,
    originOfficeId: input.originOfficeId,
  };
  if (existing === null) {
    const [row] = await ctx.tx
      .insert(reintegrationPlans)
      .values({
        missionId: kase.missionId,
        id: newId(),
        caseId: kase.id,
        ...fields,
        status: 'draft',
        draftedBy: ctx.actor.id,
        draftedAt: ctx.now,
        updatedBy: ctx.actor.id,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('The case got a plan meanwhile: reload it and edit that one.');
    await recordAudit(ctx, {
      action: 'reintegration_plan.create',
      recordType: 'reintegration_plan',
      recordId: row.id,
      after: fields,
    });
    await appendCaseEvent(ctx, kase.id, 'reintegration_plan_drafted', {
      planId: row.id,
      supportKinds: fields.supportKinds,
    });
    return row;
  }
  if (input.version !== existing.version) {
    throw conflict('The plan changed meanwhile.', { currentVersion: existing.version });
  }
  const revising = existing.status !== 'draft';
  const [row] = await ctx.tx
    .update(reintegrationPlans)
    .set({
      ...fields,
      version: existing.version + 1,
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
      ...(revising ? { status: 'revised' as const, revisedBy: ctx.actor.id, revisedAt: ctx.now } : {}),
    })
    .where(and(eq(reintegrationPlans.missionId, existing.missionId), eq(reintegrationPlans.id, existing.id)))
    .returning();
  const before = {
    supportKinds: existing.supportKinds,
    description: existing.description,
    originOfficeId: existing.originOfficeId,
    status: existing.status,
  };
  await recordAudit(ctx, {
    action: revising ? 'reintegration_plan.revise' : 'reintegration_plan.update',
    recordType: 'reintegration_plan',
    recordId: existing.id,
    before,
    after: { ...fields, status: row!.status },
  });
  await appendCaseEvent(
    ctx,
    kase.id,
    revising ? 'reintegration_plan_revised' : 'reintegration_plan_drafted',
    {
      planId: existing.id,
      supportKinds: fields.supportKinds,
    },
  );
  return row!;
}
