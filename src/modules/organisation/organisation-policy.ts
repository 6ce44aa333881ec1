import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Who may do what with the mission's reference data (offices, users, referral sources). */
export const organisationPolicy = {
  /** Every signed-in user of a mission may read its offices, colleagues and lists. */
  read: (actor: Actor) => actor.roles.length > 0,
  /** Only administrators edit the mission's lists. */
  editLists: (actor: Actor) => hasRole(actor, 'admin'),
  /** Only administrators open, change and close offices. */
  manageOffices: (actor: Actor) => hasRole(actor, 'admin'),
  /** A platform administrator creates missions; a mission's administrators cannot. */
  createMission: (actor: Actor) => actor.platformAdmin === true,
  /** A platform administrator sees every mission of the installation. */
  listMissions: (actor: Actor) => actor.platformAdmin === true,
  /** Only administrators change the mission's settings (time zone, currency, languages). */
  editSettings: (actor: Actor) => hasRole(actor, 'admin'),
};
