import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { createAssistTasks } from './assist-tasks.js';
import { ensureTravelBooked } from './case-movement-facts.js';
import { type BookingRow, bookingPassengers, bookings } from './schema.js';

/**
 * Confirms a held booking: the passengers are confirmed, then the case moves to travel booked (its
 * guard reads the confirmed seats, so a booking that leaves someone of the case behind is refused),
 * the airport tasks are planned, and SMS and partner events are queued — all in one transaction.
 */
export async function confirmBooking(
  ctx: ServiceContext,
  booking: BookingRow,
  kase: CaseRow | null,
): Promise<BookingRow> {
  if (booking.status !== 'booked') {
    throw conflict(`The booking is ${booking.status}; only a held booking can be confirmed.`);
  }
  const [confirmed] = await ctx.tx
    .update(bookings)
    .set({ status: 'confirmed', confirmedAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(bookings.missionId, booking.missionId), eq(bookings.id, booking.id)))
    .returning();
  await ctx.tx
    .update(bookingPassengers)
    .set({ status: 'confirmed', statusChangedAt: ctx.now, statusChangedBy: ctx.actor.id })
    .where(
      and(
        eq(bookingPassengers.missionId, booking.missionId),
        eq(bookingPassengers.bookingId, booking.id),
        eq(bookingPassengers.status, 'booked'),
      ),
    );
  const updatedCase = await ensureTravelBooked(ctx, kase);
  await createAssistTasks(ctx, booking.id);
  if (updatedCase) {
    await appendCaseEvent(ctx, updatedCase.id, 'booking_confirmed', {
      bookingId: booking.id,
      pnr: booking.pnr,
    });
  }
  await emitEvent(ctx, 'booking.confirmed', { bookingId: booking.id, caseId: booking.caseId });
  await recordAudit(ctx, {
    action: 'booking.confirm',
    recordType: 'booking',
    recordId: booking.id,
    before: { status: booking.status },
    after: { status: 'confirmed', caseStatus: updatedCase?.status ?? null },
  });
  return confirmed!;
}
