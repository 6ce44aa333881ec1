import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

const DIRECTORY_EDITORS = ['diplomatic_liaison', 'admin'];
const LIAISON_LIST_ROLES = ['diplomatic_liaison', 'manager', 'admin'];

/** Pure policy functions for the embassy directory and travel-document requests. */
export const travelDocumentPolicy = {
  listEmbassies: (actor: Actor) => actor.roles.length > 0,
  manageEmbassies: (actor: Actor) => hasRole(actor, ...DIRECTORY_EDITORS),
  readRequests: (actor: Actor, kase: CaseForPolicy) => casePolicy.read(actor, kase),
  /** The liaison works every case's documents; caseworkers those of the cases they may change. */
  manageRequests: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) && (hasRole(actor, ...LIAISON_LIST_ROLES) || casePolicy.update(actor, kase)),
  /** The open requests across cases (scoped in SQL to the cases the actor may see). */
  listOpen: (actor: Actor) => hasRole(actor, ...LIAISON_LIST_ROLES),
};
