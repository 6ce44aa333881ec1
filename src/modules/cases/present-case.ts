import type { Actor } from '../../platform/auth/actor.js';
import { casePolicies } from './case-policy.js';
import type { CaseDetail } from './case-schemas.js';
import type { CaseRow } from './load-case.js';
import { getWorkflow, type LocalizedText } from './workflow/index.js';

/** A user as shown next to a record. */
export type UserRef = { id: string; displayName: string; email: string };

/** The label of a case status in English and Dutch (the code itself when a programme does not know it). */
export function statusLabel(programme: string, status: string): LocalizedText {
  const labels: Partial<Record<string, LocalizedText>> | undefined = getWorkflow(programme)?.statusLabels;
  return labels?.[status] ?? { en: status, nl: status };
}

/** The fields every presentation of a case shares. */
export function presentCaseBase(
  kase: CaseRow,
  related: { office: { id: string; name: string }; assignee: UserRef | null },
) {
  return {
    id: kase.id,
    reference: kase.reference,
    programme: kase.programme,
    status: kase.status,
    statusLabel: statusLabel(kase.programme, kase.status),
    office: related.office,
    assignee: related.assignee,
    vulnerabilities: kase.vulnerabilities,
    updatedAt: kase.updatedAt,
  };
}

/** A case with its people and the abilities of the user looking at it. */
export function presentCaseDetail(
  actor: Actor,
  kase: CaseRow,
  related: {
    office: { id: string; name: string };
    returnOffice: { id: string; name: string } | null;
    assignee: UserRef | null;
    persons: CaseDetail['persons'];
  },
): CaseDetail {
  return {
    ...presentCaseBase(kase, related),
    version: kase.version,
    returnOffice: related.returnOffice,
    referralSource: kase.referralSource,
    fundingProject: kase.fundingProject,
    guardianConfirmedHost: kase.guardianConfirmedHost,
    guardianConfirmedReturn: kase.guardianConfirmedReturn,
    previousStatus: kase.previousStatus,
    createdAt: kase.createdAt,
    statusChangedAt: kase.statusChangedAt,
    persons: related.persons,
    policies: casePolicies(actor, kase),
  };
}
