import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import { followArrival } from './case-movement-facts.js';
import { loadBookingPassenger } from './load-booking-passenger.js';
import { assistTasks, bookingPassengers, passengerHandovers, type receivingPartyKinds } from './schema.js';

export interface HandoverInput {
  receivingPartyKind: (typeof receivingPartyKinds)[number];
  receivingPartyName: string;
  receivedBy: string;
  handedOverAt?: string;
}

/**
 * Records that an arriving passenger was handed to the receiving party (the reception agency, a
 * family member): when, to whom, and by which officer. The passenger counts as arrived; once the
 * whole group is handed over, the booking's handover task is ticked off, and an AVRR case whose
 * departed people have all arrived moves to arrived.
 */
export async function recordHandover(ctx: ServiceContext, passengerId: string, input: HandoverInput) {
  const { passenger, booking, kase } = await loadBookingPassenger(ctx.tx, ctx.actor, passengerId, {
    forUpdate: true,
  });
  if (booking.status !== 'confirmed' || passenger.status === 'cancelled' || passenger.status === 'no_show') {
    throw conflict(`This passenger (${passenger.status}) is not travelling on a confirmed booking.`);
  }
  // On a departure booking the handover at the destination follows the departure.
  if (booking.kind === 'departure' && passenger.status !== 'departed' && passenger.status !== 'arrived') {
    throw conflict(`This passenger (${passenger.status}) has not been marked departed yet.`, {
      currentStatus: passenger.status,
    });
  }
  const handedOverAt = input.handedOverAt ? new Date(input.handedOverAt) : ctx.now;
  const id = newId();
  await ctx.tx.insert(passengerHandovers).values({
    missionId: ctx.actor.missionId,
    id,
    bookingPassengerId: passenger.id,
    receivingPartyKind: input.receivingPartyKind,
    receivingPartyName: input.receivingPartyName,
    receivedBy: input.receivedBy,
    handedOverAt,
    recordedBy: ctx.actor.id,
    createdAt: ctx.now,
  });
  if (passenger.status !== 'arrived') {
    await ctx.tx
      .update(bookingPassengers)
      .set({ status: 'arrived', statusChangedAt: ctx.now, statusChangedBy: ctx.actor.id })
      .where(
        and(eq(bookingPassengers.missionId, passenger.missionId), eq(bookingPassengers.id, passenger.id)),
      );
  }
  const [waiting] = await ctx.tx
    .select({ count: sql<number>`count(*)::int` })
    .from(bookingPassengers)
    .where(
      and(
        eq(bookingPassengers.missionId, booking.missionId),
        eq(bookingPassengers.bookingId, booking.id),
        sql`${bookingPassengers.status} not in ('cancelled', 'no_show')`,
        sql`not exists (select 1 from passenger_handovers h where h.mission_id = ${bookingPassengers.missionId} and h.booking_passenger_id = ${bookingPassengers.id})`,
      ),
    );
  if ((waiting?.count ?? 0) === 0) {
    await ctx.tx
      .update(assistTasks)
      .set({ doneAt: ctx.now, doneBy: ctx.actor.id })
      .where(
        and(
          eq(assistTasks.missionId, booking.missionId),
          eq(assistTasks.bookingId, booking.id),
          eq(assistTasks.kind, 'handover'),
          isNull(assistTasks.doneAt),
        ),
      );
  }
  if (kase) {
    await appendCaseEvent(ctx, kase.id, 'passenger_handed_over', {
      passengerId: passenger.id,
      personId: passenger.personId,
      receivingPartyKind: input.receivingPartyKind,
      receivingPartyName: input.receivingPartyName,
      receivedBy: input.receivedBy,
      handedOverAt: handedOverAt.toISOString(),
    });
  }
  if (booking.kind === 'departure') await followArrival(ctx, kase);
  await recordAudit(ctx, {
    action: 'booking.handover',
    recordType: 'booking_passenger',
    recordId: passenger.id,
    before: { status: passenger.status },
    after: { status: 'arrived', handoverId: id, ...input, handedOverAt: handedOverAt.toISOString() },
  });
  return { id, handedOverAt, status: 'arrived' as const };
}
