import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type Actor, canSeeOffice, hasRole, hasRoleAt, visibleOfficeIds } from '../../platform/auth/actor.js';
import { BREAK_GLASS_ROLES, mayKnow, type RestrictedCategory } from '../../platform/auth/need-to-know.js';
import { cases } from './schema.js';

/** The fields of a case its policy looks at. */
export interface CaseForPolicy {
  missionId: string;
  officeId: string;
  returnOfficeId?: string | null;
  assigneeId: string | null;
  vulnerabilities: readonly string[];
  /** True while the actor holds a break-glass access to the case (`withBreakGlass`). */
  breakGlass?: boolean;
}

// Victims of trafficking are shown only to those who protect them: a leaked whereabouts can cost a life.
const SENSITIVE_ROLES = ['vulnerable_cases_officer', 'manager', 'admin'];
const CASEWORK_ROLES = ['counsellor', 'vulnerable_cases_officer', 'manager', 'admin'];
// Movements and reintegration staff advance a case at departure and after return.
const TRANSITION_ROLES = [...CASEWORK_ROLES, 'movements_officer', 'reintegration_officer'];

/** True when the actor is a reintegration officer at the office in the country of return that receives the case. */
function receivesCase(actor: Actor, kase: CaseForPolicy): boolean {
  return !!kase.returnOfficeId && hasRoleAt(actor, kase.returnOfficeId, 'reintegration_officer');
}

/** The offices whose returns the actor receives as reintegration officer (null: every office). */
function receivingOfficeIds(actor: Actor): string[] | null {
  const grants = actor.roles.filter((grant) => grant.role === 'reintegration_officer');
  if (grants.some((grant) => grant.officeId === null)) return null;
  return grants.map((grant) => grant.officeId as string);
}

function isSensitive(kase: CaseForPolicy): boolean {
  return kase.vulnerabilities.includes('victim_of_trafficking');
}

/** Pure policy functions: may this actor do this to this case? */
export const casePolicy = {
  list: (actor: Actor) => actor.roles.length > 0,
  read: (actor: Actor, kase: CaseForPolicy) =>
    kase.missionId === actor.missionId &&
    (canSeeOffice(actor, kase.officeId) || receivesCase(actor, kase)) &&
    (!isSensitive(kase) || hasRole(actor, ...SENSITIVE_ROLES) || kase.assigneeId === actor.id),
  create: (actor: Actor, officeId: string) => hasRoleAt(actor, officeId, ...CASEWORK_ROLES),
  update: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...CASEWORK_ROLES),
  transition: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) &&
    (hasRoleAt(actor, kase.officeId, ...TRANSITION_ROLES) || receivesCase(actor, kase)),
  addNote: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  addTask: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  uploadDocument: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  /** Need-to-know: may read the case's data of a restricted category (platform/auth/need-to-know.ts). */
  know: (actor: Actor, kase: CaseForPolicy, category: RestrictedCategory) =>
    casePolicy.read(actor, kase) && mayKnow(actor, category, kase),
  /** Adding or removing the trafficking flag changes who may see the case at all. */
  changeRestrictedFlags: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.update(actor, kase) && hasRoleAt(actor, kase.officeId, ...SENSITIVE_ROLES),
  breakGlass: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && hasRoleAt(actor, kase.officeId, ...BREAK_GLASS_ROLES),
};

/** The vulnerability flags whose change only the protecting roles may make. */
export const RESTRICTING_FLAGS = ['victim_of_trafficking'];

/** True when a change of a case's flags adds or removes one of the restricting flags. */
export function changesRestrictingFlags(
  before: readonly string[],
  after: readonly string[] | undefined,
): boolean {
  return !!after && RESTRICTING_FLAGS.some((flag) => before.includes(flag) !== after.includes(flag));
}

/** The abilities sent with a case, so the UI hides what the user cannot do. */
export function casePolicies(actor: Actor, kase: CaseForPolicy) {
  return {
    update: casePolicy.update(actor, kase),
    transition: casePolicy.transition(actor, kase),
    addNote: casePolicy.addNote(actor, kase),
    addTask: casePolicy.addTask(actor, kase),
    uploadDocument: casePolicy.uploadDocument(actor, kase),
    breakGlass: casePolicy.breakGlass(actor, kase),
  };
}

/**
 * SQL: the row's office is one the actor may see, or, given the column of a case's return office,
 * the case is one their office receives as reintegration officer. True when they see every office.
 * The office part of the read rule, for any table that carries a case's offices.
 */
export function visibleOfficeScope(
  actor: Actor,
  officeColumn: SQLWrapper,
  returnOfficeColumn?: SQLWrapper,
): SQL {
  const offices = visibleOfficeIds(actor);
  if (offices === null) return sql`true`;
  const scope: SQL[] = [];
  if (offices.length > 0) scope.push(inArray(officeColumn, offices));
  const receiving = returnOfficeColumn ? (receivingOfficeIds(actor) ?? []) : [];
  if (returnOfficeColumn && receiving.length > 0) scope.push(inArray(returnOfficeColumn, receiving));
  return scope.length > 0 ? or(...scope)! : sql`false`;
}

/** True when no restricted category hides a case from the actor in lists (victims of trafficking). */
export function seesAllRestrictedCases(actor: Actor): boolean {
  return hasRole(actor, ...SENSITIVE_ROLES);
}

/** The same read rule as SQL, so list queries return only the cases the actor may see. */
export function visibleCasesWhere(actor: Actor): SQL {
  const conditions: SQL[] = [
    eq(cases.missionId, actor.missionId),
    visibleOfficeScope(actor, cases.officeId, cases.returnOfficeId),
  ];
  if (!seesAllRestrictedCases(actor)) {
    conditions.push(
      or(sql`not ('victim_of_trafficking' = any(${cases.vulnerabilities}))`, eq(cases.assigneeId, actor.id))!,
    );
  }
  return and(...conditions)!;
}
