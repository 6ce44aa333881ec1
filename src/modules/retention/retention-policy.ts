import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Retention rules and runs decide what is erased for good: administrators only. */
export const retentionPolicy = {
  read: (actor: Actor) => hasRole(actor, 'admin'),
  edit: (actor: Actor) => hasRole(actor, 'admin'),
  run: (actor: Actor) => hasRole(actor, 'admin'),
};
