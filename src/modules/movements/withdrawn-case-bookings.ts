import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { loadCaseForEvent } from '../cases/load-case.js';
import { cancelBooking } from './cancel-booking.js';
import { bookings } from './schema.js';

/**
 * A withdrawn case travels no more: its open bookings (held or confirmed) are cancelled in the
 * same transaction, with the withdrawal's reason, so the board never shows a seat for a withdrawn
 * case and nobody can be marked departed on it. The travellers of a confirmed booking are told by
 * SMS and partners by webhook, as for any cancellation. Someone of the case who has already flown
 * (a family that split at the airport) makes the withdrawal fail with the 409 that names them.
 */
export async function cancelBookingsOfWithdrawnCase(
  ctx: ServiceContext,
  event: DomainEvent<'case.status_changed'>,
): Promise<void> {
  if (event.payload.to !== 'withdrawn') return;
  const open = await ctx.tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.missionId, event.missionId),
        eq(bookings.caseId, event.payload.caseId),
        inArray(bookings.status, ['booked', 'confirmed']),
      ),
    );
  if (open.length === 0) return;
  const kase = await loadCaseForEvent(ctx.tx, event.missionId, event.payload.caseId);
  const reason = `Case withdrawn${event.payload.reason ? `: ${event.payload.reason}` : ''}`.slice(0, 500);
  for (const booking of open) await cancelBooking(ctx, booking, kase, reason);
}
