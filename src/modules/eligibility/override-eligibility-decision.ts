import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { OverrideDecisionInput } from './eligibility-schemas.js';
import { type EligibilityDecisionRow, eligibilityDecisions } from './schema.js';

/**
 * Overrides a decision with another outcome and a written justification. The overridden decision
 * stays as it was; the override is a new decision on the same inputs and policy version.
 */
export async function overrideEligibilityDecision(
  ctx: ServiceContext,
  kase: CaseRow,
  decisionId: string,
  input: OverrideDecisionInput,
): Promise<EligibilityDecisionRow> {
  const [original] = await ctx.tx
    .select()
    .from(eligibilityDecisions)
    .where(
      and(
        eq(eligibilityDecisions.missionId, kase.missionId),
        eq(eligibilityDecisions.caseId, kase.id),
        eq(eligibilityDecisions.id, decisionId),
      ),
    );
  if (!original) throw notFound('Eligibility decision');
  const [row] = await ctx.tx
    .insert(eligibilityDecisions)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      kind: 'override',
      decisionDate: original.decisionDate,
      policyVersionId: original.policyVersionId,
      outcome: input.outcome,
      inputs: original.inputs,
      result: original.result,
      overridesDecisionId: original.id,
      justification: input.justification,
      decidedBy: ctx.actor.id,
      decidedAt: ctx.now,
    })
    .returning();
  await appendCaseEvent(ctx, kase.id, 'eligibility_overridden', {
    decisionId: row!.id,
    overridesDecisionId: original.id,
    from: original.outcome,
    outcome: input.outcome,
    justification: input.justification,
  });
  await recordAudit(ctx, {
    action: 'eligibility.override',
    recordType: 'eligibility_decision',
    recordId: row!.id,
    before: { decisionId: original.id, outcome: original.outcome },
    after: { outcome: input.outcome, justification: input.justification },
  });
  return row!;
}
