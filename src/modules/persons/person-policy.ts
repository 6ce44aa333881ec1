import { type Actor, hasRole } from '../../platform/auth/actor.js';

// Persons are mission-level records, shared by every office: staff who work a case at any stage
// need to find the people on it (movements book them, reintegration officers visit them).
const READ_ROLES = [
  'counsellor',
  'vulnerable_cases_officer',
  'movements_officer',
  'reintegration_officer',
  'resettlement_officer',
  'diplomatic_liaison',
  'manager',
  'admin',
];
// Those who register people and keep their particulars up to date.
const WRITE_ROLES = ['counsellor', 'vulnerable_cases_officer', 'resettlement_officer', 'manager', 'admin'];
// Diplomatic liaison obtains travel documents from embassies and records them.
const DOCUMENT_ROLES = [...WRITE_ROLES, 'diplomatic_liaison'];

/** The fields of a person its policy looks at. */
export interface PersonForPolicy {
  missionId: string;
}

/** Pure policy functions: may this actor do this with persons? Queries also filter by actor.missionId. */
export const personPolicy = {
  list: (actor: Actor) => hasRole(actor, ...READ_ROLES),
  search: (actor: Actor) => hasRole(actor, ...READ_ROLES),
  read: (actor: Actor, person: PersonForPolicy) =>
    person.missionId === actor.missionId && hasRole(actor, ...READ_ROLES),
  create: (actor: Actor) => hasRole(actor, ...WRITE_ROLES),
  update: (actor: Actor, person: PersonForPolicy) =>
    person.missionId === actor.missionId && hasRole(actor, ...WRITE_ROLES),
  addDocument: (actor: Actor, person: PersonForPolicy) =>
    person.missionId === actor.missionId && hasRole(actor, ...DOCUMENT_ROLES),
};

/** The abilities sent with a person, so the UI hides what the user cannot do. */
export function personPolicies(actor: Actor, person: PersonForPolicy) {
  return { update: personPolicy.update(actor, person), addDocument: personPolicy.addDocument(actor, person) };
}
