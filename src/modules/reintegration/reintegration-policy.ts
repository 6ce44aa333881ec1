import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

/** The plan fields the policy looks at; null when the case has no plan yet. */
export interface PlanForPolicy {
  originOfficeId: string;
  status: string;
}

/** The origin office that pays a grant. */
export interface GrantForPolicy {
  originOfficeId: string;
}

// The office in the country of origin sees the reintegration part of a case it has been given,
// even though the case itself belongs to a host-country office it cannot otherwise see.
const atOriginOffice = (actor: Actor, plan: PlanForPolicy | null) =>
  plan !== null && hasRoleAt(actor, plan.originOfficeId, 'reintegration_officer');

/** Pure policy functions for reintegration plans, grants and their ledger. */
export const reintegrationPolicy = {
  read: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) =>
    kase.missionId === actor.missionId && (casePolicy.read(actor, kase) || atOriginOffice(actor, plan)),
  /** A draft is written by the host-country caseworkers. */
  draftPlan: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) =>
    casePolicy.update(actor, kase) && (plan === null || plan.status === 'draft'),
  /** Finalising and later revisions happen in the country of origin. */
  finalisePlan: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) =>
    reintegrationPolicy.read(actor, kase, plan) && atOriginOffice(actor, plan),
  /**
   * Grants are made by the caseworkers of the case, a manager, and the reintegration officers who
   * follow it: at the plan's office in the country of origin, or at the case's own office.
   */
  createGrant: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) =>
    casePolicy.update(actor, kase) ||
    (casePolicy.read(actor, kase) && hasRole(actor, 'manager')) ||
    (reintegrationPolicy.read(actor, kase, plan) && atOriginOffice(actor, plan)) ||
    (casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, 'reintegration_officer')),
  disburse: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null, grant: GrantForPolicy) =>
    reintegrationPolicy.read(actor, kase, plan) &&
    hasRoleAt(actor, grant.originOfficeId, 'reintegration_officer'),
  manageBudgets: (actor: Actor) => hasRole(actor, 'manager', 'admin'),
  readBudgets: (actor: Actor) => actor.roles.length > 0,
  managePartners: (actor: Actor) => hasRole(actor, 'admin'),
};

/** The abilities sent with a case's reintegration data, so the UI hides what the user cannot do. */
export function reintegrationPolicies(actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) {
  return {
    draftPlan: reintegrationPolicy.draftPlan(actor, kase, plan),
    finalisePlan: plan !== null && reintegrationPolicy.finalisePlan(actor, kase, plan),
    createGrant: plan !== null && reintegrationPolicy.createGrant(actor, kase, plan),
    disburse: plan !== null && hasRoleAt(actor, plan.originOfficeId, 'reintegration_officer'),
  };
}
