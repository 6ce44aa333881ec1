/** A role held at one office, or across the whole mission when officeId is null. */
export interface RoleGrant {
  role: string;
  officeId: string | null;
}

/** A partner system calling with one of its API keys, and the scopes that key grants. */
export interface PartnerPrincipal {
  partnerId: string;
  apiKeyId: string;
  name: string;
  scopes: string[];
}

/**
 * Who is making a request: a signed-in user of one mission, or (with `partner` set, `id` the API
 * key's id and no roles) a partner system authenticated by an API key.
 */
export interface Actor {
  id: string;
  missionId: string;
  email: string;
  displayName: string;
  locale: string;
  roles: RoleGrant[];
  partner?: PartnerPrincipal;
}

/** True when the actor holds one of the roles (at any office). */
export function hasRole(actor: Actor, ...roles: string[]): boolean {
  return actor.roles.some((grant) => roles.includes(grant.role));
}

/** True when the actor holds one of the roles at that office (or mission-wide). */
export function hasRoleAt(actor: Actor, officeId: string, ...roles: string[]): boolean {
  return actor.roles.some(
    (grant) => roles.includes(grant.role) && (grant.officeId === null || grant.officeId === officeId),
  );
}

/**
 * The offices whose records the actor may see: null means every office of the mission
 * (a mission-wide role), otherwise the list of office ids.
 */
export function visibleOfficeIds(actor: Actor): string[] | null {
  if (actor.roles.some((grant) => grant.officeId === null)) return null;
  return [...new Set(actor.roles.map((grant) => grant.officeId as string))];
}

/** True when the actor may see records of that office at all. */
export function canSeeOffice(actor: Actor, officeId: string): boolean {
  const offices = visibleOfficeIds(actor);
  return offices === null || offices.includes(officeId);
}
