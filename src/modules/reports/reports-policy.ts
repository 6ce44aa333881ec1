import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { casePolicy } from '../cases/case-policy.js';
import type { ReportExportRow } from './schema.js';

// Reports cover the whole mission's work: they are for those who answer for it.
const REPORT_ROLES = ['manager', 'admin'];

/** Pure policy functions for the dashboard and the reports. */
export const reportsPolicy = {
  /** Every staff member has a dashboard; its figures are scoped to what they may see. */
  dashboard: (actor: Actor) => actor.roles.length > 0 && !actor.partner,
  list: (actor: Actor) => hasRole(actor, ...REPORT_ROLES),
  run: (actor: Actor) => hasRole(actor, ...REPORT_ROLES),
  export: (actor: Actor) => hasRole(actor, ...REPORT_ROLES),
  readExport: (actor: Actor, job: Pick<ReportExportRow, 'missionId' | 'createdBy'>) =>
    job.missionId === actor.missionId && job.createdBy === actor.id,
};

/**
 * Whether the actor sees victims of trafficking they are not assigned to, asked of the case policy
 * itself (a probe case at an office they can see) so the summary tables follow the same rule.
 */
export function seesOthersTraffickingCases(actor: Actor, anyVisibleOfficeId: string): boolean {
  return casePolicy.read(actor, {
    missionId: actor.missionId,
    officeId: anyVisibleOfficeId,
    assigneeId: null,
    vulnerabilities: ['victim_of_trafficking'],
  });
}
