import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

// Those who decide on an application: the counsellor at the case's office and the mission-wide officers.
const DECIDING_ROLES = ['counsellor', 'vulnerable_cases_officer', 'manager', 'admin'];
// Reintegration officers pay out by the tariffs, so they read the policy too.
const POLICY_READERS = [...DECIDING_ROLES, 'reintegration_officer'];

/** Pure policy functions for eligibility decisions and the policy tables. */
export const eligibilityPolicy = {
  readDecisions: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  decide: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...DECIDING_ROLES),
  override: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...DECIDING_ROLES),
  readPolicy: (actor: Actor) => hasRole(actor, ...POLICY_READERS),
  changePolicy: (actor: Actor) => hasRole(actor, 'admin'),
};

/** The abilities sent with a case's decisions, so the UI hides what the user cannot do. */
export function eligibilityPolicies(actor: Actor, kase: CaseForPolicy) {
  return { decide: eligibilityPolicy.decide(actor, kase), override: eligibilityPolicy.override(actor, kase) };
}
