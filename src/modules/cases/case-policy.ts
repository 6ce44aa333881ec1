import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, canSeeOffice, hasRole, hasRoleAt, visibleOfficeIds } from '../../platform/auth/actor.js';
import { cases } from './schema.js';

/** The fields of a case its policy looks at. */
export interface CaseForPolicy {
  missionId: string;
  officeId: string;
  assigneeId: string | null;
  vulnerabilities: readonly string[];
}

// Victims of trafficking are shown only to those who protect them: a leaked whereabouts can cost a life.
const SENSITIVE_ROLES = ['vulnerable_cases_officer', 'manager', 'admin'];
const CASEWORK_ROLES = ['counsellor', 'vulnerable_cases_officer', 'manager', 'admin'];
// Movements and reintegration staff advance a case at departure and after return.
const TRANSITION_ROLES = [...CASEWORK_ROLES, 'movements_officer', 'reintegration_officer'];

function isSensitive(kase: CaseForPolicy): boolean {
  return kase.vulnerabilities.includes('victim_of_trafficking');
}

/** Pure policy functions: may this actor do this to this case? */
export const casePolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, kase: CaseForPolicy) =>
    kase.missionId === actor.missionId &&
    canSeeOffice(actor, kase.officeId) &&
    (!isSensitive(kase) || hasRole(actor, ...SENSITIVE_ROLES) || kase.assigneeId === actor.id),
  create: (actor: Actor, officeId: string) => hasRoleAt(actor, officeId, ...CASEWORK_ROLES),
  update: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...CASEWORK_ROLES),
  transition: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...TRANSITION_ROLES),
  addNote: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  addTask: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  uploadDocument: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
};

/** The abilities sent with a case, so the UI hides what the user cannot do. */
export function casePolicies(actor: Actor, kase: CaseForPolicy) {
  return {
    update: casePolicy.update(actor, kase),
    transition: casePolicy.transition(actor, kase),
    addNote: casePolicy.addNote(actor, kase),
    addTask: casePolicy.addTask(actor, kase),
    uploadDocument: casePolicy.uploadDocument(actor, kase),
  };
}

/** The same read rule as SQL, so list queries return only the cases the actor may see. */
export function visibleCasesWhere(actor: Actor): SQL {
  const conditions: SQL[] = [eq(cases.missionId, actor.missionId)];
  const offices = visibleOfficeIds(actor);
  if (offices !== null) conditions.push(offices.length > 0 ? inArray(cases.officeId, offices) : sql`false`);
  if (!hasRole(actor, ...SENSITIVE_ROLES)) {
    conditions.push(
      or(sql`not ('victim_of_trafficking' = any(${cases.vulnerabilities}))`, eq(cases.assigneeId, actor.id))!,
    );
  }
  return and(...conditions)!;
}
