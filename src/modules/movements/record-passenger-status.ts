import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { followArrival } from './case-movement-facts.js';
import { loadBookingPassenger } from './load-booking-passenger.js';
import { canMovePassenger } from './passenger-status.js';
import { bookingPassengers, type PassengerStatus } from './schema.js';

export interface PassengerStatusChange {
  status: 'checked_in' | 'departed' | 'no_show' | 'arrived';
  afterNoShow: 'rebook' | 'travel_documents';
  reason?: string;
}

/**
 * Marks a passenger checked in, departed, no-show or arrived, and carries the case along in the
 * same transaction. This is the one service that records departures and no-shows (the case route
 * refuses those steps): departure moves an AVRR case to departed (whose subscribers tell the
 * partners), and is refused (409 `case_not_travel_booked`) for a case not at travel booked or
 * beyond, on hold or withdrawn; a no-show sends it back to rebooking or to travel documents —
 * unless someone of the group has already left or may still leave; the arrival of everyone who
 * departed moves it to arrived. Each departed
 * passenger is a `passenger_departed` event on the case: the figures count those, so a family member
 * who stays behind is never counted as having left.
 */
export async function recordPassengerStatus(
  ctx: ServiceContext,
  passengerId: string,
  change: PassengerStatusChange,
): Promise<{ status: PassengerStatus; caseStatus: string | null }> {
  const { passenger, booking, kase } = await loadBookingPassenger(ctx.tx, ctx.actor, passengerId, {
    forUpdate: true,
  });
  if (booking.status !== 'confirmed') {
    throw conflict(
      `The booking is ${booking.status}; only passengers of a confirmed booking are handled at the airport.`,
    );
  }
  // On a departure booking a passenger arrives only after being seen leaving.
  const skipsDeparture =
    booking.kind === 'departure' && change.status === 'arrived' && passenger.status !== 'departed';
  if (skipsDeparture || !canMovePassenger(passenger.status, change.status)) {
    throw conflict(`A passenger who is ${passenger.status} cannot be marked ${change.status}.`, {
      currentStatus: passenger.status,
    });
  }
  // A departure moves a travel-booked case on; a case on hold, withdrawn or sent back cannot have
  // someone leave on it unseen (resume it first), or the figures would count a return it does not show.
  if (
    change.status === 'departed' &&
    kase?.programme === 'avrr' &&
    kase.status !== 'travel_booked' &&
    !AFTER_DEPARTURE.includes(kase.status)
  ) {
    throw conflict(
      `The case ${kase.reference} is ${kase.status.replaceAll('_', ' ')}: a departure is recorded for a case at travel booked${kase.status === 'on_hold' ? ' (resume it first)' : ''}.`,
      { code: 'case_not_travel_booked', caseStatus: kase.status },
    );
  }
  await ctx.tx
    .update(bookingPassengers)
    .set({ status: change.status, statusChangedAt: ctx.occurredAt ?? ctx.now, statusChangedBy: ctx.actor.id })
    .where(and(eq(bookingPassengers.missionId, passenger.missionId), eq(bookingPassengers.id, passenger.id)));
  let caseAfter: CaseRow | null = kase;
  if (kase) {
    const data = { bookingId: booking.id, passengerId: passenger.id, personId: passenger.personId };
    if (change.status === 'departed') {
      await appendCaseEvent(ctx, kase.id, 'passenger_departed', data);
      if (kase.programme === 'avrr' && kase.status === 'travel_booked') {
        caseAfter = await transitionCase(
          ctx,
          kase.id,
          { transition: 'mark_departed' },
          { via: 'airport_board', caseAuthorised: true },
        );
      }
    } else if (change.status === 'no_show') {
      await appendCaseEvent(ctx, kase.id, 'passenger_no_show', { ...data, reason: change.reason ?? null });
      // The case goes back only once nobody of the booking has left or is still to leave: while a
      // family member may still fly, it stays travel booked (and departs with them).
      const others = await otherPassengers(ctx, booking.id, passenger.id);
      const othersLeftOrTravel = others.some((status) => TRAVELLING.includes(status));
      if (kase.programme === 'avrr' && kase.status === 'travel_booked' && !othersLeftOrTravel) {
        caseAfter = await transitionCase(
          ctx,
          kase.id,
          {
            transition: change.afterNoShow === 'rebook' ? 'no_show_rebook' : 'no_show_documents',
            reason: change.reason,
          },
          { via: 'airport_board', caseAuthorised: true },
        );
      }
    } else {
      await appendCaseEvent(ctx, kase.id, 'passenger_status_changed', { ...data, status: change.status });
      if (change.status === 'arrived' && booking.kind === 'departure')
        caseAfter = await followArrival(ctx, kase);
    }
  }
  await emitEvent(ctx, 'passenger.status_changed', {
    bookingId: booking.id,
    passengerId: passenger.id,
    personId: passenger.personId,
    caseId: kase?.id ?? null,
    from: passenger.status,
    to: change.status,
  });
  await recordAudit(ctx, {
    action: 'booking.passenger_status',
    recordType: 'booking_passenger',
    recordId: passenger.id,
    before: { status: passenger.status, caseStatus: kase?.status ?? null },
    after: { status: change.status, caseStatus: caseAfter?.status ?? null, reason: change.reason ?? null },
  });
  return { status: change.status, caseStatus: caseAfter?.status ?? null };
}

// The statuses of a passenger who has left, or who may still leave, on a confirmed booking.
const TRAVELLING: readonly PassengerStatus[] = ['confirmed', 'checked_in', 'departed', 'arrived'];
// The AVRR statuses of a case whose people have (begun to) return.
const AFTER_DEPARTURE: readonly string[] = ['departed', 'arrived', 'reintegration', 'monitoring', 'closed'];

async function otherPassengers(
  ctx: ServiceContext,
  bookingId: string,
  exceptId: string,
): Promise<PassengerStatus[]> {
  const rows = await ctx.tx
    .select({ id: bookingPassengers.id, status: bookingPassengers.status })
    .from(bookingPassengers)
    .where(
      and(eq(bookingPassengers.missionId, ctx.actor.missionId), eq(bookingPassengers.bookingId, bookingId)),
    );
  return rows.filter((row) => row.id !== exceptId).map((row) => row.status);
}
