import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { datedContext, toInstant } from '../../platform/time/fact-date.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { appendCaseEvent, caseRegisteredAt } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { RecordDecisionInput } from './eligibility-schemas.js';
import { evaluateCaseEligibility } from './evaluate-case-eligibility.js';
import { type EligibilityDecisionRow, eligibilityDecisions } from './schema.js';

/** Evaluates the case and stores the decision with its inputs and the policy version it used. */
export async function recordEligibilityDecision(
  entry: ServiceContext,
  kase: CaseRow,
  input: RecordDecisionInput,
): Promise<EligibilityDecisionRow> {
  const ctx = await datedContext(entry, {
    path: 'body.occurredAt',
    occurredAt: toInstant(input.occurredAt),
    after: [await caseRegisteredAt(entry, kase)],
    record: { type: 'case', id: kase.id },
  });
  const { inputs, result } = await evaluateCaseEligibility(ctx.tx, kase, {
    date: input.date ?? (ctx.occurredAt ? localDate(ctx.occurredAt, ctx.actor.mission.timeZone) : undefined),
    declarations: input.declarations,
    now: ctx.now,
    timeZone: ctx.actor.mission.timeZone,
  });
  const [row] = await ctx.tx
    .insert(eligibilityDecisions)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      kind: 'computed',
      decisionDate: result.date,
      policyVersionId: result.policyVersionId,
      outcome: result.outcome,
      inputs: inputs as unknown as Record<string, unknown>,
      result: result as unknown as Record<string, unknown>,
      decidedBy: ctx.actor.id,
      decidedAt: ctx.occurredAt ?? ctx.now,
    })
    .returning();
  await appendCaseEvent(ctx, kase.id, 'eligibility_decided', {
    decisionId: row!.id,
    outcome: row!.outcome,
    date: row!.decisionDate,
    policyVersion: result.policyVersion,
  });
  await recordAudit(ctx, {
    action: 'eligibility.decide',
    recordType: 'eligibility_decision',
    recordId: row!.id,
    after: {
      caseId: kase.id,
      outcome: row!.outcome,
      date: row!.decisionDate,
      policyVersionId: row!.policyVersionId,
    },
  });
  return row!;
}
