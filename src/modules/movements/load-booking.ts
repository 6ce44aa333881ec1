import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import type { CaseRow } from '../cases/load-case.js';
import { cases } from '../cases/schema.js';
import { type BookingRow, bookings } from './schema.js';

/**
 * A booking of the actor's mission with its case (if any). Pass `forUpdate` to lock the booking
 * so two officers cannot confirm, change or cancel it at the same time.
 */
export async function loadBooking(
  db: Executor,
  actor: Actor,
  bookingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ booking: BookingRow; kase: CaseRow | null }> {
  const query = db
    .select()
    .from(bookings)
    .where(and(eq(bookings.missionId, actor.missionId), eq(bookings.id, bookingId)));
  const [booking] = options.forUpdate ? await query.for('update') : await query;
  if (!booking) throw notFound('Booking');
  if (!booking.caseId) return { booking, kase: null };
  const [kase] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.missionId, actor.missionId), eq(cases.id, booking.caseId)));
  return { booking, kase: kase ?? null };
}

/** Every booking version of a case, newest first (superseded and cancelled ones included). */
export function listCaseBookings(db: Executor, kase: CaseRow): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.missionId, kase.missionId), eq(bookings.caseId, kase.id)))
    .orderBy(desc(bookings.createdAt), desc(bookings.version));
}
