// A property test: random sequences of API actions over several cases (opening cases, workflow
// steps, holding, confirming, cancelling and rebooking bookings, passengers' statuses on the board,
// handovers), after each of which the facts must still agree with each other.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { summariesAgainstRebuild } from '../reports/summary-rebuild-check.js';
import { amsIstEbl, buildTravellingCase } from './movements-test-support.js';

// `npm test` runs a few sequences, bounded in time so the file stays a few tens of seconds on PGlite;
// PROPERTY_RUNS sets how many (`npm run test:properties` runs 200, without a time limit), and
// PROPERTY_SEED replays the sequences of an earlier run (fast-check prints the seed of a failure).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 10);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
const MAX_ACTIONS = 8;
const TIME_LIMIT_MS = process.env.PROPERTY_RUNS ? null : 45_000;
// Per sequence on a quiet machine: about a second; the test's own limit leaves room for a busy one.
const TEST_TIMEOUT_MS = (TIME_LIMIT_MS ?? RUNS * 10_000) + 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const TRANSITIONS = [
  'start_counselling',
  'book_travel',
  'mark_departed',
  'no_show_rebook',
  'cancel_travel',
  'confirm_arrival',
  'start_reintegration',
  'put_on_hold',
  'resume',
  'withdraw',
] as const;

const AFTER_DEPARTURE = sql.raw(`('departed', 'arrived', 'reintegration', 'monitoring', 'closed')`);

type Action =
  | { kind: 'open_case' }
  | { kind: 'transition'; c: number; transition: (typeof TRANSITIONS)[number] }
  | { kind: 'hold'; c: number; everyone: boolean }
  | { kind: 'confirm' | 'cancel' | 'rebook'; c: number }
  | {
      kind: 'passenger';
      c: number;
      p: number;
      status: 'checked_in' | 'departed' | 'no_show' | 'arrived';
      rebook: boolean;
    }
  | { kind: 'handover'; c: number; p: number };

const caseIndex = fc.integer({ min: 0, max: 3 });
// Weighted towards the board and the bookings, so that sequences often reach departures.
const anAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'open_case' }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('transition' as const),
      c: caseIndex,
      transition: fc.constantFrom(...TRANSITIONS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('hold' as const), c: caseIndex, everyone: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('confirm' as const, 'cancel' as const, 'rebook' as const),
      c: caseIndex,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('passenger' as const),
      c: caseIndex,
      p: fc.integer({ min: 0, max: 1 }),
      // Departures and no-shows more often than the rest: a family splits when one of each falls on it.
      status: fc.oneof(
        { weight: 1, arbitrary: fc.constant('checked_in' as const) },
        { weight: 3, arbitrary: fc.constant('departed' as const) },
        { weight: 3, arbitrary: fc.constant('no_show' as const) },
        { weight: 1, arbitrary: fc.constant('arrived' as const) },
      ),
      rebook: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('handover' as const),
      c: caseIndex,
      p: fc.integer({ min: 0, max: 1 }),
    }),
  },
);

interface World {
  mission: TestMission;
  caseIds: string[];
}

async function latestBooking(world: World, caseId: string, statuses: string[]) {
  const rows = await selectRows<{ id: string }>(
    t.database.db,
    sql`select id from bookings where mission_id = ${world.mission.missionId} and case_id = ${caseId}
          and status in (${sql.join(
            statuses.map((s) => sql`${s}`),
            sql`, `,
          )}) order by created_at desc, version desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

async function passengerOf(world: World, caseId: string, index: number) {
  const bookingId = await latestBooking(world, caseId, ['confirmed']);
  if (!bookingId) return null;
  const rows = await selectRows<{ id: string }>(
    t.database.db,
    sql`select id from booking_passengers where mission_id = ${world.mission.missionId} and booking_id = ${bookingId}
          order by position`,
  );
  return rows[index % Math.max(rows.length, 1)]?.id ?? null;
}

/** Whether someone has departed (or arrived) on the booking: then it can be neither cancelled nor rebooked. */
async function someoneTravelled(world: World, bookingId: string): Promise<boolean> {
  const rows = await selectRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from booking_passengers
         where mission_id = ${world.mission.missionId} and booking_id = ${bookingId}
           and status in ('departed', 'arrived')`,
  );
  return rows[0]!.n > 0;
}

/** What the sequences reached, for the closing line: the situations the properties are about. */
const reached = { travelledBookingRefused: 0, splitFamilies: 0 };

/**
 * Performs one action through the API; refusals (4xx) are part of the game, a server error is not.
 * Cancelling or rebooking a booking someone has travelled on must be refused with 409 naming them,
 * and any other booking must not be refused for that reason.
 */
async function perform(world: World, action: Action): Promise<void> {
  const manager = await t.as(world.mission.users.manager);
  const movements = await t.as(world.mission.users.movements);
  let response: { statusCode: number; body: string } | null = null;
  if (action.kind === 'open_case') {
    const person = await buildPerson(t.database.db, world.mission.missionId);
    response = await manager.post('/api/v1/cases', {
      programme: 'avrr',
      personIds: [person.id],
      officeId: world.mission.offices.hague.id,
      referralSource: 'reception_agency',
      vulnerabilities: [],
    });
    if (response.statusCode === 201) world.caseIds.push(JSON.parse(response.body).case.id);
  } else {
    const caseId = world.caseIds[action.c % world.caseIds.length]!;
    switch (action.kind) {
      case 'transition':
        response = await manager.post(`/api/v1/cases/${caseId}/transitions`, {
          transition: action.transition,
          reason: 'Property test',
        });
        break;
      case 'hold': {
        const members = await selectRows<{ person_id: string }>(
          t.database.db,
          sql`select m.person_id from case_group_members m join cases k
                on k.mission_id = m.mission_id and k.case_group_id = m.case_group_id
              where k.mission_id = ${world.mission.missionId} and k.id = ${caseId} order by m.position`,
        );
        const passengers = (action.everyone ? members : members.slice(0, 1)).map((m) => ({
          personId: m.person_id,
        }));
        response = await movements.post('/api/v1/bookings', { caseId, ...amsIstEbl({ passengers }) });
        break;
      }
      case 'confirm': {
        const id = await latestBooking(world, caseId, ['booked']);
        if (id) response = await movements.post(`/api/v1/bookings/${id}/confirm`);
        break;
      }
      case 'cancel':
      case 'rebook': {
        const id = await latestBooking(world, caseId, ['booked', 'confirmed']);
        if (!id) break;
        const travelled = await someoneTravelled(world, id);
        response =
          action.kind === 'cancel'
            ? await movements.post(`/api/v1/bookings/${id}/cancel`, { reason: 'Property test' })
            : await movements.post(`/api/v1/bookings/${id}/rebook`, amsIstEbl({ pnr: 'RBK001' }));
        const problem = JSON.parse(response.body) as { code?: string; passengers?: unknown[] };
        const refused = response.statusCode === 409 && problem.code === 'passenger_travelled';
        expect(refused, `${JSON.stringify(action)}: ${response.body}`).toBe(travelled);
        if (travelled) {
          reached.travelledBookingRefused += 1;
          expect(problem.passengers?.length).toBeGreaterThan(0);
        }
        break;
      }
      case 'passenger': {
        const id = await passengerOf(world, caseId, action.p);
        if (id) {
          response = await movements.post(`/api/v1/board/passengers/${id}/status`, {
            status: action.status,
            afterNoShow: action.rebook ? 'rebook' : 'travel_documents',
            reason: 'Property test',
          });
        }
        break;
      }
      case 'handover': {
        const id = await passengerOf(world, caseId, action.p);
        if (id) {
          response = await movements.post(`/api/v1/board/passengers/${id}/handover`, {
            receivingPartyKind: 'family_member',
            receivingPartyName: 'Family',
            receivedBy: 'Brother',
          });
        }
        break;
      }
    }
  }
  if (response) expect(response.statusCode, `${JSON.stringify(action)}: ${response.body}`).toBeLessThan(500);
}

/** The invariants: statuses follow the bookings, and every figure counts the passengers who flew. */
async function checkInvariants(world: World): Promise<number> {
  const db = t.database.db;
  const missionId = world.mission.missionId;
  // No case at travel booked without a confirmed booking for each of its people, none further on
  // without a passenger who departed.
  const contradictions = await selectRows<{ id: string; status: string }>(
    db,
    sql`select k.id, k.status from cases k
        where k.mission_id = ${missionId} and k.programme = 'avrr' and (
          (k.status = 'travel_booked' and exists (
             select 1 from case_group_members m
              where m.mission_id = k.mission_id and m.case_group_id = k.case_group_id
                and not exists (
                  select 1 from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
                   where b.mission_id = k.mission_id and b.case_id = k.id and b.kind = 'departure'
                     and b.status = 'confirmed' and p.person_id = m.person_id and p.status <> 'cancelled')))
          or (k.status in ('departed', 'arrived', 'reintegration', 'monitoring') and not exists (
             select 1 from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
              where b.mission_id = k.mission_id and b.case_id = k.id and b.status = 'confirmed'
                and p.status in ('departed', 'arrived'))))`,
  );
  expect(contradictions).toEqual([]);
  // Nor, the other way round, a case still before its departure (or withdrawn) when one of its
  // people has left: the board's departure is what moves the case on.
  const leftBehind = await selectRows<{ id: string; status: string }>(
    db,
    sql`select k.id, k.status from cases k
        where k.mission_id = ${missionId} and k.programme = 'avrr'
          and not (k.status in ${AFTER_DEPARTURE} or (k.status = 'on_hold' and k.previous_status in ${AFTER_DEPARTURE}))
          and exists (
            select 1 from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
             where b.mission_id = k.mission_id and b.case_id = k.id and p.status in ('departed', 'arrived'))`,
  );
  expect(leftBehind).toEqual([]);

  const [flown] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from booking_passengers p
          join bookings b on b.mission_id = p.mission_id and b.id = p.booking_id
        where p.mission_id = ${missionId} and b.programme = 'avrr' and p.status in ('departed', 'arrived')`,
  );
  const today = localDate(new Date(), 'Europe/Amsterdam');
  const period = `from=${today.slice(0, 4)}-01-01&to=${today}`;
  const manager = await t.as(world.mission.users.manager);
  const report = (await manager.get(`/api/v1/reports/avrr-departures?${period}`)).json().rows as {
    persons: number;
  }[];
  const dashboard = (await manager.get(`/api/v1/dashboard?${period}&programme=avrr`)).json();
  const annual = (await manager.get(`/api/v1/annual-report?year=${today.slice(0, 4)}`)).json();
  const weekly = (dashboard.departuresPerWeek as { persons: number }[]).reduce(
    (sum, w) => sum + w.persons,
    0,
  );
  expect({
    report: report.reduce((sum, row) => sum + row.persons, 0),
    dashboard: weekly,
    annualReport: annual.avrr.departed,
  }).toEqual({ report: flown!.n, dashboard: flown!.n, annualReport: flown!.n });

  // Each case's timeline has one departure per passenger who left, and no more: a departure stays.
  const timelines = await selectRows<{ id: string; events: number; passengers: number }>(
    db,
    sql`select k.id,
               (select count(*)::int from case_events e
                 where e.mission_id = k.mission_id and e.case_id = k.id and e.kind = 'passenger_departed') as events,
               (select count(*)::int from booking_passengers p
                  join bookings b on b.mission_id = p.mission_id and b.id = p.booking_id
                 where b.mission_id = k.mission_id and b.case_id = k.id and p.status in ('departed', 'arrived')) as passengers
          from cases k where k.mission_id = ${missionId}`,
  );
  expect(timelines.filter((row) => row.events !== row.passengers)).toEqual([]);

  const { kept, rebuilt } = await summariesAgainstRebuild(db, missionId);
  expect(rebuilt).toEqual(kept);
  return flown!.n;
}

/** Whether a family has split at the airport: on one booking, someone left and someone did not show. */
async function familySplit(world: World): Promise<boolean> {
  const rows = await selectRows<{ id: string }>(
    t.database.db,
    sql`select b.id from bookings b join booking_passengers p on p.mission_id = b.mission_id and p.booking_id = b.id
         where b.mission_id = ${world.mission.missionId}
         group by b.id
        having bool_or(p.status in ('departed', 'arrived')) and bool_or(p.status = 'no_show')`,
  );
  return rows.length > 0;
}

// Sequences run every time before the random ones: the situations the properties are about.
const passenger = (
  c: number,
  p: number,
  status: 'departed' | 'no_show' | 'arrived',
  rebook = true,
): Action => ({
  kind: 'passenger',
  c,
  p,
  status,
  rebook,
});
const EXAMPLES: Action[][] = [
  // A family of two: one flies, the other does not show; the booking can be neither cancelled nor
  // rebooked, and the case (departed) cannot be sent back.
  [
    passenger(1, 0, 'departed'),
    passenger(1, 1, 'no_show'),
    { kind: 'cancel', c: 1 },
    { kind: 'rebook', c: 1 },
    { kind: 'transition', c: 1, transition: 'cancel_travel' },
    { kind: 'hold', c: 1, everyone: false },
  ],
  // The other way round: the no-show first (the case stays travel booked while the other may still
  // fly), then the departure, the arrival and the handover.
  [
    passenger(1, 1, 'no_show', false),
    passenger(1, 0, 'departed'),
    { kind: 'rebook', c: 1 },
    { kind: 'transition', c: 1, transition: 'mark_departed' },
    passenger(1, 0, 'arrived'),
    { kind: 'handover', c: 1, p: 0 },
  ],
  // A single traveller booked, confirmed, gone, handed over; then the booking is cancelled.
  // (Case 0 may not be ready to book: then the refusals are what is checked.)
  [
    { kind: 'hold', c: 0, everyone: true },
    { kind: 'confirm', c: 0 },
    passenger(0, 0, 'departed'),
    { kind: 'handover', c: 0, p: 0 },
    { kind: 'cancel', c: 0 },
    { kind: 'transition', c: 0, transition: 'book_travel' },
  ],
];

describe('movement facts under random sequences of API actions', () => {
  it(
    'keep statuses, bookings, reports and summaries in agreement after every step',
    async () => {
      const seed = SEED ?? Math.floor(Math.random() * 2 ** 31);
      const started = performance.now();
      let sequences = 0;
      let steps = 0;
      let departedPassengers = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(anAction, { minLength: 1, maxLength: MAX_ACTIONS }), async (actions) => {
          sequences += 1;
          const mission = await buildMission(t.database.db);
          const world: World = { mission, caseIds: [] };
          // Two cases ready to travel, one of them a family of two already booked and confirmed.
          for (const travellers of [[{}], [{}, {}]]) {
            world.caseIds.push((await buildTravellingCase(t.database.db, mission, travellers)).kase.id);
          }
          await perform(world, { kind: 'hold', c: 1, everyone: true });
          await perform(world, { kind: 'confirm', c: 1 });
          let flown = 0;
          for (const action of actions) {
            await perform(world, action);
            steps += 1;
            flown = await checkInvariants(world);
          }
          departedPassengers += flown;
          if (await familySplit(world)) reached.splitFamilies += 1;
        }),
        {
          numRuns: RUNS,
          seed,
          examples: EXAMPLES.map((actions) => [actions] as [Action[]]),
          ...(TIME_LIMIT_MS === null
            ? {}
            : { interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false }),
        },
      );
      console.log(
        `movement invariants (seed ${seed}): ${sequences} action sequences (${EXAMPLES.length} fixed, the rest random), ` +
          `${steps} actions checked in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `${departedPassengers} passengers departed, ${reached.splitFamilies} sequences with a family split at the airport, ` +
          `${reached.travelledBookingRefused} cancellations or rebookings refused after a departure`,
      );
      expect(sequences).toBeGreaterThan(0);
      expect(reached.splitFamilies).toBeGreaterThan(0);
      expect(reached.travelledBookingRefused).toBeGreaterThan(0);
    },
    TEST_TIMEOUT_MS,
  );
});
