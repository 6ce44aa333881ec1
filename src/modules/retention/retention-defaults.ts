import { getWorkflow } from '../cases/workflow/workflows.js';
import type { RetentionAction } from './schema.js';

/** A programme's retention rule as it applies: the mission's own, or the default. */
export interface EffectiveRetentionRule {
  programme: string;
  yearsAfterClosure: number;
  action: RetentionAction;
  /** True when the mission has not set its own rule for the programme. */
  isDefault: boolean;
}

/**
 * Seven years after a person's last case closed, then anonymise. Five of them because the return
 * programme refuses support to someone assisted in the five years before (reference/rean-rules.md),
 * which must be checked against the earlier case; two more for donors' audits of the final year's
 * grants. A mission changes it per programme (`PUT /api/v1/retention/rules/{programme}`).
 */
export const DEFAULT_RETENTION = { yearsAfterClosure: 7, action: 'anonymise' } as const satisfies {
  yearsAfterClosure: number;
  action: RetentionAction;
};

/** The statuses that close a case of the programme (for AVRR: closed, withdrawn); none for an unknown programme. */
export function closingStatuses(programme: string): readonly string[] {
  return getWorkflow(programme)?.terminal ?? [];
}

/** The moment before which a case closed is past its retention period. */
export function retentionCutoff(now: Date, yearsAfterClosure: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - yearsAfterClosure);
  return cutoff;
}
