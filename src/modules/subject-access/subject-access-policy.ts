import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

// Those who answer a person's request for their data: the administrator (the mission's data
// protection focal point), and those already entitled to the most sensitive cases.
const EXPORT_ROLES = ['admin', 'vulnerable_cases_officer', 'manager'];

/** Who may take everything held about a person out of Passage. */
export const subjectAccessPolicy = {
  /** One of the roles above, and able to read every case of the person (restricted cases included). */
  export: (actor: Actor, personCases: readonly CaseForPolicy[]) =>
    !actor.partner &&
    hasRole(actor, ...EXPORT_ROLES) &&
    personCases.every((kase) => casePolicy.read(actor, kase)),
};
