import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';

/** A user an administrator acts on. */
export interface UserForPolicy {
  id: string;
  missionId: string;
}

/** A role an administrator hands out, at one office or (officeId null) across the mission. */
export interface GrantForPolicy {
  officeId: string | null;
}

const missionWideAdmin = (actor: Actor) =>
  actor.roles.some((grant) => grant.role === 'admin' && grant.officeId === null);

/** Pure policy functions for user accounts. */
export const usersPolicy = {
  /** Active colleagues are visible to every user of the mission (assignee pickers). */
  listActive: (actor: Actor) => actor.roles.length > 0,
  /** Deactivated accounts, links and account details: administrators. */
  administer: (actor: Actor) => hasRole(actor, 'admin'),
  read: (actor: Actor, user: UserForPolicy) =>
    user.missionId === actor.missionId && (hasRole(actor, 'admin') || user.id === actor.id),
  /**
   * Giving roles: an administrator, never to themselves, and only at the offices where they
   * administer (a mission-wide role needs a mission-wide administrator).
   */
  grantRoles: (actor: Actor, user: UserForPolicy | null, grants: readonly GrantForPolicy[]) =>
    hasRole(actor, 'admin') &&
    (user === null || (user.missionId === actor.missionId && user.id !== actor.id)) &&
    grants.every((grant) =>
      grant.officeId === null ? missionWideAdmin(actor) : hasRoleAt(actor, grant.officeId, 'admin'),
    ),
  /** Changing a colleague's name or language, deactivating them, sending a new link: not oneself. */
  manage: (actor: Actor, user: UserForPolicy) =>
    hasRole(actor, 'admin') && user.missionId === actor.missionId && user.id !== actor.id,
  /** Everyone changes their own password. */
  changeOwnPassword: (actor: Actor) => !actor.partner && !actor.system,
};

/** The abilities sent with a user account, so the UI hides what the administrator cannot do. */
export function userPolicies(actor: Actor, user: UserForPolicy) {
  return {
    manage: usersPolicy.manage(actor, user),
    changeRoles: usersPolicy.grantRoles(actor, user, []),
  };
}
