import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Pure policy functions for the access log: administrators see who read what and review break-glass. */
export const privacyPolicy = {
  readAccessLog: (actor: Actor) => hasRole(actor, 'admin'),
  review: (actor: Actor) => hasRole(actor, 'admin'),
};
