import { type Actor, hasRole } from '../../platform/auth/actor.js';

/** Pure policy functions for the outbox, the development sink and the SMS templates. */
export const messagingPolicy = {
  /** Deliveries of every case and partner, and the replay of dead letters: administrators. */
  listOutbox: (actor: Actor) => hasRole(actor, 'admin'),
  replay: (actor: Actor) => hasRole(actor, 'admin'),
  /** The development sink holds migrants' phone numbers and texts: administrators only. */
  listSink: (actor: Actor) => hasRole(actor, 'admin'),
  listTemplates: (actor: Actor) => hasRole(actor, 'admin', 'manager', 'movements_officer'),
  editTemplates: (actor: Actor) => hasRole(actor, 'admin'),
};
