import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Pure policy functions for the annual report: it covers the whole mission's year, so it is for those who answer for it. */
export const annualReportPolicy = {
  read: (actor: Actor) => !actor.partner && hasRole(actor, 'manager', 'admin'),
  export: (actor: Actor) => !actor.partner && hasRole(actor, 'manager', 'admin'),
};
