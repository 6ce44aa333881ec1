import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { recordOutreachActivity } from '../counselling/record-outreach-activity.js';
import type { SeededRandom } from '../demo/seeded-random.js';
import { confirmBooking } from '../movements/confirm-booking.js';
import { createBooking } from '../movements/create-booking.js';
import { ZCreateBooking } from '../movements/movements-schemas.js';
import { recordPassengerStatus } from '../movements/record-passenger-status.js';
import { bookingPassengers } from '../movements/schema.js';
import { createPerson } from '../persons/create-person.js';
import { ZCreatePerson } from '../persons/person-schemas.js';
import type { DemoYearMission } from './create-demo-year-mission.js';
import { dateOf, flight, instantOf, localDeparture } from './demo-year-clock.js';
import type { DemoYearTally } from './demo-year-tally.js';
import { airlines, MISSION_AIRPORT, returnCountry } from './demo-year-world.js';
import type { MovementPlan, OutreachPlan } from './plan-demo-year.js';

// Passengers change planes at Schiphol this long after landing.
const CONNECTION_MINUTES = 150;

/**
 * Replays a group of passengers through the airport without a case of the mission: registered,
 * booked, confirmed, and marked departed onward (transit) or arrived at the desk (arrival).
 */
export async function replayDemoMovement(
  base: ServiceContext,
  plan: MovementPlan,
  env: { year: number; mission: DemoYearMission; rng: SeededRandom; tally: DemoYearTally },
): Promise<void> {
  const { year, mission, rng, tally } = env;
  const actor = mission.staff.movements;
  const departs = await localDeparture(year, plan.day, plan.departureMinute, plan.origin);
  const inbound = await flight({
    airline: rng.pick(airlines),
    flightNumber: String(rng.int(100, 2999)),
    from: plan.origin,
    to: MISSION_AIRPORT,
    departure: departs,
  });
  const segments = [inbound.segment];
  let completedAt = inbound.lands.getTime() + 30 * 60_000;
  if (plan.kind === 'transit') {
    const onward = await flight({
      airline: rng.pick(airlines),
      flightNumber: String(rng.int(100, 2999)),
      from: MISSION_AIRPORT,
      to: returnCountry(plan.destination!).airport,
      departure: new Date(inbound.lands.getTime() + CONNECTION_MINUTES * 60_000),
    });
    segments.push(onward.segment);
    completedAt = inbound.lands.getTime() + (CONNECTION_MINUTES - 20) * 60_000;
  }
  // Booked and confirmed a few days before the first flight.
  const bookedAt = new Date(
    Math.max(departs.getTime() - rng.int(3, 14) * 86_400_000, instantOf(year, 0, 8 * 60).getTime()),
  );
  const ctx: ServiceContext = { ...base, actor, now: bookedAt };
  const personIds: string[] = [];
  for (const person of plan.persons) {
    const row = await createPerson(
      ctx,
      ZCreatePerson.parse({
        givenName: person.givenName,
        familyName: person.familyName,
        sex: person.sex,
        dateOfBirth: person.dateOfBirth,
        dateOfBirthPrecision: person.dateOfBirthPrecision,
        nationalities: [person.nationality],
        languages: person.languages,
        preferredLanguage: person.languages[0],
      }),
    );
    personIds.push(row.id);
  }
  const booking = await createBooking(
    ctx,
    null,
    ZCreateBooking.parse({
      kind: plan.kind,
      programme: plan.programme,
      segments,
      passengers: personIds.map((personId) => ({ personId })),
    }),
  );
  await confirmBooking({ ...ctx, now: new Date(bookedAt.getTime() + 20 * 60_000) }, booking, null);
  tally.bookings += 1;
  const passengers = await ctx.tx
    .select({ id: bookingPassengers.id })
    .from(bookingPassengers)
    .where(and(eq(bookingPassengers.missionId, actor.missionId), eq(bookingPassengers.bookingId, booking.id)))
    .orderBy(asc(bookingPassengers.position));
  const status = plan.kind === 'transit' ? 'departed' : 'arrived';
  for (const passenger of passengers) {
    await recordPassengerStatus({ ...ctx, now: new Date(completedAt) }, passenger.id, {
      status,
      afterNoShow: 'rebook',
    });
    if (plan.kind === 'transit') tally.transitPassengers += 1;
    else tally.arrivalPassengers += 1;
  }
}

/** Records an information session or network meeting held at a counselling office. */
export async function replayDemoOutreach(
  base: ServiceContext,
  plan: OutreachPlan,
  env: { year: number; mission: DemoYearMission; tally: DemoYearTally },
): Promise<void> {
  const { year, mission, tally } = env;
  const actor = mission.counsellors[plan.office % mission.counsellors.length]!;
  await recordOutreachActivity(
    { ...base, actor, now: instantOf(year, plan.day, 17 * 60) },
    {
      heldOn: dateOf(year, plan.day),
      officeId: mission.counsellingOfficeIds[plan.office]!,
      kind: plan.kind,
      participants: plan.participants,
    },
  );
  if (plan.kind === 'information_session') tally.informationSessions += 1;
  else tally.networkMeetings += 1;
}
