import type { ServiceContext } from '../../platform/db/transaction.js';
import type { CaseRow } from '../cases/load-case.js';
import type { Declarations } from './evaluate-eligibility.js';
import { overrideEligibilityDecision } from './override-eligibility-decision.js';
import { recordEligibilityDecision } from './record-eligibility-decision.js';
import type { EligibilityDecisionRow } from './schema.js';

/**
 * Records the decision a workflow step needs (imports, demo data, scripted replays): the computed
 * decision, and when it disagrees with the officer's finding an override carrying `justification`.
 */
export async function decideEligibilityForStep(
  ctx: ServiceContext,
  kase: CaseRow,
  options: { eligible: boolean; justification: string; date?: string; declarations?: Declarations },
): Promise<EligibilityDecisionRow> {
  const computed = await recordEligibilityDecision(ctx, kase, {
    date: options.date,
    declarations: options.declarations ?? {},
  });
  if ((computed.outcome !== 'ineligible') === options.eligible) return computed;
  return overrideEligibilityDecision(ctx, kase, computed.id, {
    outcome: options.eligible ? 'eligible_return' : 'ineligible',
    justification: options.justification,
  });
}
