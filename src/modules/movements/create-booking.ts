import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { CreateBooking } from './movements-schemas.js';
import type { BookingRow } from './schema.js';
import { writeItinerary } from './write-itinerary.js';

/** Holds seats for a case group, or for transit or arrival passengers without a case (not yet confirmed). */
export async function createBooking(
  ctx: ServiceContext,
  kase: CaseRow | null,
  input: CreateBooking,
): Promise<BookingRow> {
  const programme = kase?.programme ?? input.programme;
  if (!programme) {
    throw badRequest('Say which programme the movement belongs to.', [
      { path: 'body.programme', message: 'is required without a case' },
    ]);
  }
  const booking = await writeItinerary(ctx, {
    kase,
    itinerary: input,
    kind: input.kind,
    programme,
    status: 'booked',
  });
  if (kase)
    await appendCaseEvent(ctx, kase.id, 'booking_created', { bookingId: booking.id, pnr: booking.pnr });
  await recordAudit(ctx, {
    action: 'booking.create',
    recordType: 'booking',
    recordId: booking.id,
    after: {
      caseId: booking.caseId,
      kind: booking.kind,
      programme,
      pnr: booking.pnr,
      segments: input.segments,
    },
  });
  return booking;
}
