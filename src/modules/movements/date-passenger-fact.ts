import type { ServiceContext } from '../../platform/db/transaction.js';
import { datedContext, type EarlierFact } from '../../platform/time/fact-date.js';
import { caseRegisteredAt } from '../cases/case-events.js';
import { loadBookingPassenger } from './load-booking-passenger.js';

/**
 * The context to record a passenger's departure, no-show, arrival or handover in, dated when it
 * happened (`occurredAt`, an ISO date-time, or now): not in the future, not before the case's
 * registration nor (for a handover) before the passenger departed; dating it further back
 * than a few days needs "record history" and is audited on the passenger.
 */
export async function datePassengerFact(
  ctx: ServiceContext,
  passengerId: string,
  fact: { path: string; occurredAt: string | undefined; afterDeparture?: boolean },
): Promise<ServiceContext> {
  const { passenger, kase } = await loadBookingPassenger(ctx.tx, ctx.actor, passengerId);
  const after: EarlierFact[] = kase ? [await caseRegisteredAt(ctx, kase)] : [];
  if (fact.afterDeparture && passenger.status === 'departed') {
    after.push({ at: passenger.statusChangedAt, what: "the passenger's departure" });
  }
  return datedContext(ctx, {
    path: fact.path,
    occurredAt: fact.occurredAt === undefined ? undefined : new Date(fact.occurredAt),
    after,
    record: { type: 'booking_passenger', id: passenger.id },
  });
}
