import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../organisation/schema.js';
import type { EligibilityResult } from './evaluate-eligibility.js';
import { type EligibilityDecisionRow, eligibilityDecisions } from './schema.js';

/** A decision as the API shows it. */
export function presentDecision(
  row: EligibilityDecisionRow,
  decidedBy: { id: string; displayName: string } | null,
) {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    decisionDate: row.decisionDate,
    policyVersionId: row.policyVersionId,
    outcome: row.outcome,
    eligible: row.outcome !== 'ineligible',
    inputs: row.inputs,
    result: row.result as unknown as EligibilityResult,
    overridesDecisionId: row.overridesDecisionId,
    justification: row.justification,
    decidedBy,
    decidedAt: row.decidedAt,
  };
}

/** A case's eligibility decisions, newest first (the first is the one in effect). */
export async function listEligibilityDecisions(db: Executor, missionId: string, caseId: string) {
  const rows = await db
    .select({ decision: eligibilityDecisions, user: { id: users.id, displayName: users.displayName } })
    .from(eligibilityDecisions)
    .leftJoin(users, eq(users.id, eligibilityDecisions.decidedBy))
    .where(and(eq(eligibilityDecisions.missionId, missionId), eq(eligibilityDecisions.caseId, caseId)))
    .orderBy(desc(eligibilityDecisions.decidedAt), desc(eligibilityDecisions.id));
  return rows.map(({ decision, user }) => presentDecision(decision, user?.id ? user : null));
}
