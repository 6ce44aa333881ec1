import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';
import type { CaseForPolicy } from '../cases/case-policy.js';
import { type PlanForPolicy, reintegrationPolicy } from '../reintegration/reintegration-policy.js';

/** Pure policy functions for post-return monitoring: visits, surveys and the survey weights. */
export const monitoringPolicy = {
  /** Whoever may see the case's reintegration may see how it is going. */
  read: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null) =>
    reintegrationPolicy.read(actor, kase, plan),
  /** Visits and surveys are recorded by reintegration officers of the office that made them. */
  record: (actor: Actor, kase: CaseForPolicy, plan: PlanForPolicy | null, officeId: string) =>
    monitoringPolicy.read(actor, kase, plan) && hasRoleAt(actor, officeId, 'reintegration_officer'),
  readWeights: (actor: Actor) => actor.roles.length > 0,
  manageWeights: (actor: Actor) => hasRole(actor, 'admin'),
};
