import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, unprocessable } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { PlanRow } from './load-reintegration-case.js';
import { reintegrationPlans } from './schema.js';

/** Marks a draft plan as finalised in the country of origin. */
export async function finalisePlan(
  ctx: ServiceContext,
  kase: CaseRow,
  plan: PlanRow,
  version: number,
): Promise<PlanRow> {
  if (version !== plan.version)
    throw conflict('The plan changed meanwhile.', { currentVersion: plan.version });
  if (plan.status !== 'draft') {
    throw unprocessable(`The plan is already ${plan.status}; change it to revise it.`, {
      status: plan.status,
    });
  }
  const [row] = await ctx.tx
    .update(reintegrationPlans)
    .set({
      status: 'finalised',
      version: plan.version + 1,
      finalisedBy: ctx.actor.id,
      finalisedAt: ctx.now,
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    })
    .where(and(eq(reintegrationPlans.missionId, plan.missionId), eq(reintegrationPlans.id, plan.id)))
    .returning();
  await recordAudit(ctx, {
    action: 'reintegration_plan.finalise',
    recordType: 'reintegration_plan',
    recordId: plan.id,
    before: { status: plan.status },
    after: { status: 'finalised' },
  });
  await appendCaseEvent(ctx, kase.id, 'reintegration_plan_finalised', { planId: plan.id });
  return row!;
}
