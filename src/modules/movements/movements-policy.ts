import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';
import { type CaseForPolicy, casePolicy } from '../cases/case-policy.js';

// The airport team books and runs movements; managers and administrators may step in.
const MOVEMENT_ROLES = ['movements_officer', 'manager', 'admin'];
// Resettlement officers follow their refugees' arrivals and transits too.
const BOARD_ROLES = [...MOVEMENT_ROLES, 'resettlement_officer'];

/**
 * The movements team books and runs the travel of every case of the offices it serves, restricted
 * (trafficking) cases included: it sees what travel needs (names, documents, escorts, special
 * needs) through the travel view and the bookings, never the case itself.
 */
const runsTravelOf = (actor: Actor, kase: CaseForPolicy) =>
  kase.missionId === actor.missionId && hasRoleAt(actor, kase.officeId, ...MOVEMENT_ROLES);

/** Pure policy functions for bookings, the operations board and manifests. */
export const movementsPolicy = {
  /** A case's travel (travellers, documents, bookings): whoever may read the case, and the movements team. */
  readCaseTravel: (actor: Actor, kase: CaseForPolicy) =>
    casePolicy.read(actor, kase) || runsTravelOf(actor, kase),
  /** A case's bookings are read by whoever may read the case or run its travel. */
  readCaseBookings: (actor: Actor, kase: CaseForPolicy) => movementsPolicy.readCaseTravel(actor, kase),
  /** Booking, confirming, changing or cancelling a case's travel. */
  bookForCase: (actor: Actor, kase: CaseForPolicy) => runsTravelOf(actor, kase),
  /** Transit and arrival passengers without a case. */
  bookWithoutCase: (actor: Actor) => hasRole(actor, ...BOARD_ROLES),
  readBooking: (actor: Actor, kase: CaseForPolicy | null) =>
    kase ? movementsPolicy.readCaseTravel(actor, kase) : hasRole(actor, ...BOARD_ROLES),
  changeBooking: (actor: Actor, kase: CaseForPolicy | null) =>
    kase ? movementsPolicy.bookForCase(actor, kase) : movementsPolicy.bookWithoutCase(actor),
  readBoard: (actor: Actor) => hasRole(actor, ...BOARD_ROLES),
  /** Ticking tasks, checking passengers in, marking them departed, no-show or handed over. */
  runBoard: (actor: Actor) => hasRole(actor, ...MOVEMENT_ROLES),
  readManifest: (actor: Actor) => hasRole(actor, ...BOARD_ROLES),
};
