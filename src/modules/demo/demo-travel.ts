// The travel of a demo case, through the movements services as the airport team would do it: a
// booking held and confirmed (which takes the case to travel booked), passengers marked departed or
// no-show on the board, rebookings, cancellations and the handover on arrival.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseGroupMembers } from '../cases/schema.js';
import { cancelBooking } from '../movements/cancel-booking.js';
import { confirmBooking } from '../movements/confirm-booking.js';
import { createBooking } from '../movements/create-booking.js';
import { ZCreateBooking, ZItinerary } from '../movements/movements-schemas.js';
import { rebookBooking } from '../movements/rebook-booking.js';
import { recordHandover } from '../movements/record-handover.js';
import { recordPassengerStatus } from '../movements/record-passenger-status.js';
import { type BookingRow, bookingPassengers, bookings } from '../movements/schema.js';
import { persons } from '../persons/schema.js';

// The main airport of each demo nationality's country (the flight's destination).
const AIRPORTS: Record<string, string> = {
  IQ: 'EBL',
  NG: 'LOS',
  GE: 'TBS',
  MA: 'CMN',
  DZ: 'ALG',
  UA: 'KBP',
  AF: 'KBL',
  IR: 'IKA',
  ER: 'ASM',
  SO: 'MGQ',
  AM: 'EVN',
  MN: 'UBN',
  TR: 'IST',
  AL: 'TIA',
  BR: 'GRU',
  CO: 'BOG',
  CN: 'PEK',
};
const AIRLINES = ['KL', 'TK', 'QR', 'EK', 'LH', 'AF'];

/** A direct flight from Schiphol on `day` (YYYY-MM-DD, local) to the case's country. */
async function flightTo(ctx: ServiceContext, kase: CaseRow, day: string, seed: number) {
  const nationality = await principalNationality(ctx, kase);
  const hour = 7 + (seed % 12);
  return {
    airline: AIRLINES[seed % AIRLINES.length]!,
    flightNumber: String(100 + ((seed * 37) % 1900)),
    departureAirport: 'AMS',
    departureLocal: `${day}T${String(hour).padStart(2, '0')}:${seed % 2 === 0 ? '05' : '40'}`,
    arrivalAirport: AIRPORTS[nationality] ?? 'IST',
    arrivalLocal: `${day}T23:55`,
  };
}

async function principalNationality(ctx: ServiceContext, kase: CaseRow): Promise<string> {
  const [row] = await ctx.tx
    .select({ nationalities: persons.nationalities })
    .from(caseGroupMembers)
    .innerJoin(
      persons,
      and(eq(persons.missionId, caseGroupMembers.missionId), eq(persons.id, caseGroupMembers.personId)),
    )
    .where(
      and(eq(caseGroupMembers.missionId, kase.missionId), eq(caseGroupMembers.caseGroupId, kase.caseGroupId)),
    )
    .orderBy(asc(caseGroupMembers.position))
    .limit(1);
  return row?.nationalities[0] ?? '';
}

/** Holds and confirms a booking for the whole group on a flight on `day`: the case becomes travel booked. */
export async function bookDemoFlight(ctx: ServiceContext, kase: CaseRow, day: string, seed: number) {
  const booking = await createBooking(
    ctx,
    kase,
    ZCreateBooking.parse({
      kind: 'departure',
      pnr: `D${String(seed).padStart(5, '0')}`.slice(0, 6),
      segments: [await flightTo(ctx, kase, day, seed)],
    }),
  );
  return confirmBooking(ctx, booking, kase);
}

/** The case's confirmed departure booking (the latest), if any. */
export async function confirmedDemoBooking(ctx: ServiceContext, kase: CaseRow): Promise<BookingRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.missionId, kase.missionId),
        eq(bookings.caseId, kase.id),
        eq(bookings.kind, 'departure'),
        eq(bookings.status, 'confirmed'),
      ),
    )
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row ?? null;
}

async function passengersOf(ctx: ServiceContext, bookingId: string, statuses: string[]) {
  const rows = await ctx.tx
    .select({ id: bookingPassengers.id })
    .from(bookingPassengers)
    .where(
      and(
        eq(bookingPassengers.missionId, ctx.actor.missionId),
        eq(bookingPassengers.bookingId, bookingId),
        inArray(bookingPassengers.status, statuses as never[]),
      ),
    )
    .orderBy(asc(bookingPassengers.position));
  return rows.map((row) => row.id);
}

/** Marks every passenger of the case's confirmed booking departed (or no-show) on the board. */
export async function recordDemoBoard(
  ctx: ServiceContext,
  kase: CaseRow,
  status: 'departed' | 'no_show',
  afterNoShow: 'rebook' | 'travel_documents' = 'rebook',
) {
  const booking = await confirmedDemoBooking(ctx, kase);
  if (!booking) throw new Error(`Demo case ${kase.reference} has no confirmed booking`);
  for (const id of await passengersOf(ctx, booking.id, ['confirmed', 'checked_in'])) {
    await recordPassengerStatus(ctx, id, {
      status,
      afterNoShow,
      reason: status === 'no_show' ? 'Did not come to the airport' : undefined,
    });
  }
  return booking;
}

/** Rebooks the case's confirmed booking onto a flight on `day` (after a no-show). */
export async function rebookDemoFlight(ctx: ServiceContext, kase: CaseRow, day: string, seed: number) {
  const booking = await confirmedDemoBooking(ctx, kase);
  if (!booking) throw new Error(`Demo case ${kase.reference} has no confirmed booking`);
  return rebookBooking(
    ctx,
    booking,
    kase,
    ZItinerary.parse({ segments: [await flightTo(ctx, kase, day, seed)] }),
  );
}

/** Cancels the case's confirmed booking (before the case is withdrawn). */
export async function cancelDemoBooking(ctx: ServiceContext, kase: CaseRow, reason: string) {
  const booking = await confirmedDemoBooking(ctx, kase);
  if (booking) await cancelBooking(ctx, booking, kase, reason);
}

/** Records the handover of everyone of the case who departed: the case arrives. */
export async function handOverDemoCase(ctx: ServiceContext, kase: CaseRow) {
  const booking = await confirmedDemoBooking(ctx, kase);
  if (!booking) throw new Error(`Demo case ${kase.reference} has no confirmed booking`);
  for (const id of await passengersOf(ctx, booking.id, ['departed'])) {
    await recordHandover(ctx, id, {
      receivingPartyKind: 'family_member',
      receivingPartyName: 'Family at the airport of arrival',
      receivedBy: 'IOM colleague in the country of return',
    });
  }
}
