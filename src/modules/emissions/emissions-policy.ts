import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Pure policy functions for emission factors and the offsetting report. */
export const emissionsPolicy = {
  readFactorSets: (actor: Actor) => actor.roles.length > 0,
  /** Only an administrator loads a newer published set. */
  createFactorSet: (actor: Actor) => hasRole(actor, 'admin'),
  readReport: (actor: Actor) => hasRole(actor, 'manager', 'admin', 'movements_officer'),
};
