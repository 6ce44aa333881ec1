import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { createAssistTasks } from './assist-tasks.js';
import { assertNobodyTravelled, ensureTravelBooked, followBookingChange } from './case-movement-facts.js';
import type { Itinerary } from './movements-schemas.js';
import { type BookingRow, bookingPassengers, bookings } from './schema.js';
import { writeItinerary } from './write-itinerary.js';

/**
 * Changes a booking by writing its next version: the old one is marked superseded and kept as it
 * was. A confirmed booking stays confirmed, and its travellers and partners hear of the change.
 * Passengers not listed are carried over from the old version.
 */
export async function rebookBooking(
  ctx: ServiceContext,
  booking: BookingRow,
  kase: CaseRow | null,
  itinerary: Itinerary,
): Promise<BookingRow> {
  if (booking.status !== 'booked' && booking.status !== 'confirmed') {
    throw conflict(`The booking is ${booking.status}; change its latest version instead.`);
  }
  const previous = await ctx.tx
    .select()
    .from(bookingPassengers)
    .where(
      and(eq(bookingPassengers.missionId, booking.missionId), eq(bookingPassengers.bookingId, booking.id)),
    )
    .orderBy(asc(bookingPassengers.position));
  await assertNobodyTravelled(ctx, booking.id, 'rebooked');
  const passengers =
    itinerary.passengers ??
    previous
      .filter((p) => p.status !== 'cancelled')
      .map((p) => ({ personId: p.personId, specialNeeds: p.specialNeeds }));
  const stillConfirmed = booking.status === 'confirmed';
  await ctx.tx
    .update(bookings)
    .set({ status: 'superseded', updatedAt: ctx.now })
    .where(and(eq(bookings.missionId, booking.missionId), eq(bookings.id, booking.id)));
  const next = await writeItinerary(ctx, {
    kase,
    itinerary: { ...itinerary, passengers },
    kind: booking.kind,
    programme: booking.programme,
    lineage: { lineageId: booking.lineageId, version: booking.version + 1, supersedesId: booking.id },
    status: stillConfirmed ? 'confirmed' : 'booked',
  });
  // The new version must still hold everyone of a travel-booked case, or the case goes back.
  const updatedCase = stillConfirmed
    ? await followBookingChange(ctx, await ensureTravelBooked(ctx, kase))
    : await followBookingChange(ctx, kase);
  if (stillConfirmed) {
    await createAssistTasks(ctx, next.id);
    await emitEvent(ctx, 'booking.changed', { bookingId: next.id, caseId: next.caseId });
  }
  if (updatedCase) {
    await appendCaseEvent(ctx, updatedCase.id, 'booking_changed', {
      bookingId: next.id,
      previousBookingId: booking.id,
      version: next.version,
    });
  }
  await recordAudit(ctx, {
    action: 'booking.rebook',
    recordType: 'booking',
    recordId: next.id,
    before: { bookingId: booking.id, version: booking.version, status: booking.status },
    after: {
      bookingId: next.id,
      version: next.version,
      status: next.status,
      segments: itinerary.segments,
    },
  });
  return next;
}
