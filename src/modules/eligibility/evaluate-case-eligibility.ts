import type { Executor } from '../../platform/db/database.js';
import { unprocessable } from '../../platform/http/problem.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import type { CaseRow } from '../cases/load-case.js';
import {
  type Declarations,
  type EligibilityInputs,
  type EligibilityResult,
  evaluateEligibility,
} from './evaluate-eligibility.js';
import { gatherEligibilityInputs } from './gather-eligibility-inputs.js';
import { policyOnDate } from './policy-in-force.js';
import { loadPolicyInForce } from './policy-store.js';

/** An evaluation of a case on a date, with the inputs it read: nothing is written. */
export interface CaseEvaluation {
  inputs: EligibilityInputs;
  result: EligibilityResult;
}

/** Evaluates a case against the policy in force on `date` (default: today in the mission's time zone). */
export async function evaluateCaseEligibility(
  db: Executor,
  kase: CaseRow,
  options: { date?: string; declarations: Declarations; now: Date; timeZone: string },
): Promise<CaseEvaluation> {
  const date = options.date ?? localDate(options.now, options.timeZone);
  const policy = await loadPolicyInForce(db, kase.missionId, date);
  if (!policy) {
    throw unprocessable(`No policy was in force on ${date}.`, {}, [
      { path: 'querystring.date', message: 'no policy version is in force on this date' },
    ]);
  }
  const inputs = await gatherEligibilityInputs(db, kase, options.declarations, options.timeZone);
  return { inputs, result: evaluateEligibility(inputs, policyOnDate(policy, date), date) };
}
