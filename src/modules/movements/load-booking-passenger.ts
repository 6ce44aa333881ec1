import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { CaseRow } from '../cases/load-case.js';
import { cases } from '../cases/schema.js';
import { type BookingPassengerRow, type BookingRow, bookingPassengers, bookings } from './schema.js';

/** A passenger of a booking with the booking and its case; `forUpdate` locks the passenger row. */
export async function loadBookingPassenger(
  db: Executor,
  actor: Actor,
  passengerId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ passenger: BookingPassengerRow; booking: BookingRow; kase: CaseRow | null }> {
  const query = db
    .select({ passenger: bookingPassengers, booking: bookings, kase: cases })
    .from(bookingPassengers)
    .innerJoin(
      bookings,
      and(eq(bookings.missionId, bookingPassengers.missionId), eq(bookings.id, bookingPassengers.bookingId)),
    )
    .leftJoin(cases, and(eq(cases.missionId, bookings.missionId), eq(cases.id, bookings.caseId)))
    .where(and(eq(bookingPassengers.missionId, actor.missionId), eq(bookingPassengers.id, passengerId)));
  const [row] = options.forUpdate ? await query.for('update', { of: bookingPassengers }) : await query;
  if (!row) throw notFound('Passenger');
  return { passenger: row.passenger, booking: row.booking, kase: row.kase };
}
