import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { loadUserSummaries } from '../cases/present-activity.js';
import { offices } from '../organisation/schema.js';
import type { PlanRow } from './load-reintegration-case.js';
import type { Plan } from './reintegration-schemas.js';

/** A reintegration plan as the API sends it, with its office and the people who worked on it. */
export async function presentPlan(db: Executor, plan: PlanRow): Promise<Plan> {
  const [office] = await db
    .select({ id: offices.id, name: offices.name, country: offices.country })
    .from(offices)
    .where(and(eq(offices.missionId, plan.missionId), eq(offices.id, plan.originOfficeId)));
  const people = await loadUserSummaries(db, plan.missionId, [
    plan.draftedBy,
    plan.finalisedBy,
    plan.revisedBy,
  ]);
  const who = (id: string | null) => (id === null ? null : (people.get(id) ?? null));
  return {
    id: plan.id,
    caseId: plan.caseId,
    originOffice: office ?? { id: plan.originOfficeId, name: '', country: '' },
    supportKinds: plan.supportKinds,
    description: plan.description,
    status: plan.status,
    version: plan.version,
    draftedBy: who(plan.draftedBy),
    draftedAt: plan.draftedAt.toISOString(),
    finalisedBy: who(plan.finalisedBy),
    finalisedAt: plan.finalisedAt?.toISOString() ?? null,
    revisedBy: who(plan.revisedBy),
    revisedAt: plan.revisedAt?.toISOString() ?? null,
  };
}
