import { and, eq, notInArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { assertNobodyTravelled, followBookingChange } from './case-movement-facts.js';
import { type BookingRow, bookingPassengers, bookings } from './schema.js';

/**
 * Cancels a booking; travellers of a confirmed one are told by SMS and partners by event. A booking
 * on which someone has already travelled cannot be cancelled (409 naming them). A travel-booked case
 * that no longer has a confirmed booking for everyone goes back to travel documents (`cancel_travel`).
 */
export async function cancelBooking(
  ctx: ServiceContext,
  booking: BookingRow,
  kase: CaseRow | null,
  reason: string,
): Promise<BookingRow> {
  if (booking.status !== 'booked' && booking.status !== 'confirmed') {
    throw conflict(`The booking is already ${booking.status}.`);
  }
  await assertNobodyTravelled(ctx, booking.id, 'cancelled');
  const [cancelled] = await ctx.tx
    .update(bookings)
    .set({ status: 'cancelled', cancelReason: reason, updatedAt: ctx.now })
    .where(and(eq(bookings.missionId, booking.missionId), eq(bookings.id, booking.id)))
    .returning();
  // Tell the travellers before their places are marked cancelled: the SMS goes to those still booked.
  if (booking.status === 'confirmed') {
    await emitEvent(ctx, 'booking.cancelled', { bookingId: booking.id, caseId: booking.caseId });
  }
  await ctx.tx
    .update(bookingPassengers)
    .set({ status: 'cancelled', statusChangedAt: ctx.now, statusChangedBy: ctx.actor.id })
    .where(
      and(
        eq(bookingPassengers.missionId, booking.missionId),
        eq(bookingPassengers.bookingId, booking.id),
        notInArray(bookingPassengers.status, ['departed', 'arrived']),
      ),
    );
  if (kase) await appendCaseEvent(ctx, kase.id, 'booking_cancelled', { bookingId: booking.id, reason });
  await followBookingChange(ctx, kase);
  await recordAudit(ctx, {
    action: 'booking.cancel',
    recordType: 'booking',
    recordId: booking.id,
    before: { status: booking.status },
    after: { status: 'cancelled', reason },
  });
  return cancelled!;
}
