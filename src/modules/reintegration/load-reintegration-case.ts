import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { CaseRow } from '../cases/load-case.js';
import { cases } from '../cases/schema.js';
import { reintegrationPolicy } from './reintegration-policy.js';
import { reintegrationPlans } from './schema.js';

export type PlanRow = typeof reintegrationPlans.$inferSelect;

/**
 * Loads a case and its reintegration plan for someone who may see its reintegration part: the
 * case's own caseworkers, or the reintegration officers of the plan's office in the country of
 * origin. Anyone else gets 404, as if the case did not exist. `lockPlan` locks the plan row.
 */
export async function loadReintegrationCase(
  db: Executor,
  actor: Actor,
  caseId: string,
  options: { lockPlan?: boolean } = {},
): Promise<{ kase: CaseRow; plan: PlanRow | null }> {
  const [kase] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.missionId, actor.missionId), eq(cases.id, caseId)));
  if (!kase) throw notFound('Case');
  const query = db
    .select()
    .from(reintegrationPlans)
    .where(and(eq(reintegrationPlans.missionId, actor.missionId), eq(reintegrationPlans.caseId, caseId)));
  const [plan] = options.lockPlan ? await query.for('update') : await query;
  if (!reintegrationPolicy.read(actor, kase, plan ?? null)) throw notFound('Case');
  return { kase, plan: plan ?? null };
}
