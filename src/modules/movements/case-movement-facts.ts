// The case follows its movement facts: what the bookings say decides when an AVRR case is travel
// booked, departed or arrived, and these helpers take the step in the transaction of the fact.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { loadAvrrFacts } from '../cases/case-facts.js';
import { type CaseRow, loadCase } from '../cases/load-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { persons } from '../persons/schema.js';
import { bookingPassengers } from './schema.js';

// A case at one of these has already seen someone leave: a later booking (for a member who stayed
// behind) does not move it back to travel booked.
const AFTER_DEPARTURE = ['departed', 'arrived', 'reintegration', 'monitoring', 'closed'];

/**
 * Makes sure the case's workflow allows travel once a booking is confirmed: an AVRR case still at
 * travel documents takes its `book_travel` step now (refused with 422 and the workflow's reasons,
 * among them a traveller without a confirmed seat); one already at travel booked, or one whose
 * people have already begun to leave, stays where it is. Programmes without a workflow yet are not checked.
 */
export async function ensureTravelBooked(ctx: ServiceContext, kase: CaseRow | null): Promise<CaseRow | null> {
  if (kase?.programme !== 'avrr') return kase;
  const current = await loadCase(ctx.tx, ctx.actor, kase.id);
  if (current.status === 'travel_booked' || AFTER_DEPARTURE.includes(current.status)) return current;
  return transitionCase(ctx, kase.id, { transition: 'book_travel' });
}

/**
 * After a booking was cancelled or changed: a case at travel booked whose people are no longer all
 * on a confirmed booking goes back to travel documents (`cancel_travel`), so its status never says
 * more than its bookings.
 */
export async function followBookingChange(
  ctx: ServiceContext,
  kase: CaseRow | null,
): Promise<CaseRow | null> {
  if (kase?.programme !== 'avrr') return kase;
  const current = await loadCase(ctx.tx, ctx.actor, kase.id);
  if (current.status !== 'travel_booked') return current;
  const facts = await loadAvrrFacts(ctx.tx, current, missionToday(ctx.actor, ctx.now));
  const booked = facts.movements?.onConfirmedBooking ?? [];
  if (facts.persons.every((person) => booked.includes(person.id))) return current;
  return transitionCase(ctx, current.id, { transition: 'cancel_travel' }, { via: 'booking' });
}

/**
 * After a passenger of a departure booking arrived (marked on the board or handed over): the AVRR
 * case arrives once everyone of it who departed has arrived.
 */
export async function followArrival(ctx: ServiceContext, kase: CaseRow | null): Promise<CaseRow | null> {
  if (kase?.programme !== 'avrr') return kase;
  const current = await loadCase(ctx.tx, ctx.actor, kase.id);
  if (current.status !== 'departed') return current;
  const facts = await loadAvrrFacts(ctx.tx, current, missionToday(ctx.actor, ctx.now));
  const departed = facts.movements?.departed ?? [];
  const arrived = facts.movements?.arrived ?? [];
  if (!departed.every((id) => arrived.includes(id))) return current;
  return transitionCase(ctx, current.id, { transition: 'confirm_arrival' }, { via: 'arrival_handover' });
}

/**
 * Refuses (409) to cancel or change a booking on which someone has already travelled, naming them:
 * their departure is a fact the booking must keep.
 */
export async function assertNobodyTravelled(
  ctx: ServiceContext,
  bookingId: string,
  doing: 'cancelled' | 'rebooked',
): Promise<void> {
  const travelled = await ctx.tx
    .select({
      passengerId: bookingPassengers.id,
      personId: bookingPassengers.personId,
      status: bookingPassengers.status,
      givenName: persons.givenName,
      familyName: persons.familyName,
    })
    .from(bookingPassengers)
    .innerJoin(
      persons,
      and(eq(persons.missionId, bookingPassengers.missionId), eq(persons.id, bookingPassengers.personId)),
    )
    .where(
      and(
        eq(bookingPassengers.missionId, ctx.actor.missionId),
        eq(bookingPassengers.bookingId, bookingId),
        inArray(bookingPassengers.status, ['departed', 'arrived']),
      ),
    )
    .orderBy(asc(bookingPassengers.position));
  if (travelled.length === 0) return;
  const names = travelled.map((p) => `${p.givenName} ${p.familyName}`.trim()).join(', ');
  throw conflict(
    `${names} ${travelled.length === 1 ? 'has' : 'have'} already travelled on this booking, so it cannot be ${doing}; book the others separately.`,
    {
      code: 'passenger_travelled',
      passengers: travelled.map((p) => ({
        passengerId: p.passengerId,
        personId: p.personId,
        name: `${p.givenName} ${p.familyName}`.trim(),
        status: p.status,
      })),
    },
  );
}
