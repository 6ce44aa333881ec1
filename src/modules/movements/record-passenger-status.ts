import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { offices } from '../organisation/schema.js';
import { publishEvent } from '../partners/publish-event.js';
import { loadBookingPassenger } from './load-booking-passenger.js';
import { canMovePassenger } from './passenger-status.js';
import { bookingPassengers, bookingSegments, type PassengerStatus } from './schema.js';

export interface PassengerStatusChange {
  status: 'checked_in' | 'departed' | 'no_show' | 'arrived';
  afterNoShow: 'rebook' | 'travel_documents';
  reason?: string;
}

/**
 * Marks a passenger checked in, departed, no-show or arrived, and carries the case along in the
 * same transaction: departure moves an AVRR case to departed and tells the partners (the reception
 * location the person lived at hears of it through its webhook); a no-show sends it back to
 * rebooking or to travel documents — unless someone of the group has already left.
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
  if (!canMovePassenger(passenger.status, change.status)) {
    throw conflict(`A passenger who is ${passenger.status} cannot be marked ${change.status}.`, {
      currentStatus: passenger.status,
    });
  }
  await ctx.tx
    .update(bookingPassengers)
    .set({ status: change.status, statusChangedAt: ctx.now, statusChangedBy: ctx.actor.id })
    .where(and(eq(bookingPassengers.missionId, passenger.missionId), eq(bookingPassengers.id, passenger.id)));
  let caseAfter: CaseRow | null = kase;
  if (kase) {
    const data = { bookingId: booking.id, passengerId: passenger.id, personId: passenger.personId };
    if (change.status === 'departed') {
      await appendCaseEvent(ctx, kase.id, 'passenger_departed', data);
      if (kase.programme === 'avrr' && kase.status === 'travel_booked') {
        caseAfter = await transitionCase(ctx, kase.id, { transition: 'mark_departed' });
        await publishDeparture(ctx, caseAfter, booking.id);
      }
    } else if (change.status === 'no_show') {
      await appendCaseEvent(ctx, kase.id, 'passenger_no_show', { ...data, reason: change.reason ?? null });
      const othersLeft = await someoneDeparted(ctx, booking.id, passenger.id);
      if (kase.programme === 'avrr' && kase.status === 'travel_booked' && !othersLeft) {
        caseAfter = await transitionCase(ctx, kase.id, {
          transition: change.afterNoShow === 'rebook' ? 'no_show_rebook' : 'no_show_documents',
          reason: change.reason,
        });
      }
    } else {
      await appendCaseEvent(ctx, kase.id, 'passenger_status_changed', { ...data, status: change.status });
    }
  }
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

// The partners (the reception agency's location among them) learn of the departure by webhook.
async function publishDeparture(ctx: ServiceContext, kase: CaseRow, bookingId: string): Promise<void> {
  const [office] = await ctx.tx
    .select({ id: offices.id, name: offices.name, kind: offices.kind, city: offices.city })
    .from(offices)
    .where(and(eq(offices.missionId, kase.missionId), eq(offices.id, kase.officeId)));
  const [segment] = await ctx.tx
    .select()
    .from(bookingSegments)
    .where(and(eq(bookingSegments.missionId, kase.missionId), eq(bookingSegments.bookingId, bookingId)))
    .orderBy(bookingSegments.position)
    .limit(1);
  const { eventId, deliveries } = await publishEvent(
    ctx,
    'case.departed',
    {
      caseId: kase.id,
      caseReference: kase.reference,
      departedAt: ctx.now.toISOString(),
      office: office ?? null,
      flight: segment ? `${segment.airline}${segment.flightNumber}` : null,
      from: segment?.departureAirport ?? null,
      to: segment?.arrivalAirport ?? null,
    },
    { caseId: kase.id },
  );
  await appendCaseEvent(ctx, kase.id, 'departure_published', { eventId, deliveries });
}
