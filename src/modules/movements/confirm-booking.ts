import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { createAssistTasks } from './assist-tasks.js';
import { type BookingRow, bookingPassengers, bookings } from './schema.js';

/**
 * Makes sure the case's workflow allows travel: an AVRR case still at travel documents takes its
 * `book_travel` step now (refused with 422 and the workflow's reasons when a guard fails); one
 * already at travel booked (a rebooking after a no-show) stays there. Programmes without a
 * workflow yet are not checked.
 */
export async function ensureTravelBooked(ctx: ServiceContext, kase: CaseRow | null): Promise<CaseRow | null> {
  if (kase?.programme !== 'avrr' || kase.status === 'travel_booked') return kase;
  return transitionCase(ctx, kase.id, { transition: 'book_travel' });
}

/**
 * Confirms a held booking: the case moves to travel booked, the passengers are confirmed, the
 * airport tasks are planned, and SMS and partner events are queued — all in one transaction.
 */
export async function confirmBooking(
  ctx: ServiceContext,
  booking: BookingRow,
  kase: CaseRow | null,
): Promise<BookingRow> {
  if (booking.status !== 'booked') {
    throw conflict(`The booking is ${booking.status}; only a held booking can be confirmed.`);
  }
  const updatedCase = await ensureTravelBooked(ctx, kase);
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
