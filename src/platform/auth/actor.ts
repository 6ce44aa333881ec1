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

/** A mission's settings that decide its calendar and money: read wherever "today" or money is needed. */
export interface MissionSettings {
  /** ISO 3166-1 alpha-2 code of the mission's country. */
  country: string;
  /** IANA time zone: the mission's "today", and the days its figures count by. */
  timeZone: string;
  /** ISO 4217 code of the mission's money. */
  currency: string;
  /** The languages the mission works in (ISO 639-1). */
  languages: string[];
  /** The default locale of its users and documents. */
  locale: string;
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
  /** The settings of the actor's mission (time zone, currency, languages). */
  mission: MissionSettings;
  partner?: PartnerPrincipal;
  /** Set for a platform administrator, who runs the installation (creates missions). */
  platformAdmin?: true;
  /** Set for work Passage does on its own (seeding a new mission): no person or partner is acting. */
  system?: true;
}

/** The actor of work Passage does on its own for a mission, outside any request. */
export function systemActor(missionId: string, mission: MissionSettings): Actor {
  return {
    mission,
    id: '00000000-0000-0000-0000-000000000000',
    missionId,
    email: 'system@passage.local',
    displayName: 'Passage',
    locale: 'en',
    roles: [],
    system: true,
  };
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
