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
 * partners); a no-show sends it back to rebooking or to travel documents — unless someone of the
 * group has already left; the arrival of everyone who departed moves it to arrived. Each departed
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
          { via: 'airport_board' },
        );
      }
    } else if (change.status === 'no_show') {
      await appendCaseEvent(ctx, kase.id, 'passenger_no_show', { ...data, reason: change.reason ?? null });
      const othersLeft = await someoneDeparted(ctx, booking.id, passenger.id);
      if (kase.programme === 'avrr' && kase.status === 'travel_booked' && !othersLeft) {
        caseAfter = await transitionCase(
          ctx,
          kase.id,
          {
            transition: change.afterNoShow === 'rebook' ? 'no_show_rebook' : 'no_show_documents',
            reason: change.reason,
          },
          { via: 'airport_board' },
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

async function someoneDeparted(ctx: ServiceContext, bookingId: string, exceptId: string): Promise<boolean> {
  const rows = await ctx.tx
    .select({ id: bookingPassengers.id, status: bookingPassengers.status })
    .from(bookingPassengers)
    .where(
      and(eq(bookingPassengers.missionId, ctx.actor.missionId), eq(bookingPassengers.bookingId, bookingId)),
    );
  return rows.some((row) => row.id !== exceptId && (row.status === 'departed' || row.status === 'arrived'));
}
