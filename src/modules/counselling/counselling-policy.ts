import { type Actor, hasRoleAt } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

// Outreach is held by those who counsel, and managed by the managers.
const OUTREACH_ROLES = ['counsellor', 'vulnerable_cases_officer', 'manager', 'admin'];

/** Pure policy functions for counselling sessions and outreach. */
export const counsellingPolicy = {
  listSessions: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  recordSession: (actor: Actor, kase: CaseForPolicy) => casePolicy.update(actor, kase),
  recordOutreach: (actor: Actor, officeId: string) => hasRoleAt(actor, officeId, ...OUTREACH_ROLES),
  /** Lists and counts are scoped in SQL to the offices the actor may see. */
  listOutreach: (actor: Actor) => actor.roles.length > 0,
};
