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

// Bounded so the file stays a few tens of seconds on PGlite.
const RUNS = 10;
const MAX_ACTIONS = 8;
const TIME_LIMIT_MS = 45_000;

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
      status: fc.constantFrom(
        'checked_in' as const,
        'departed' as const,
        'no_show' as const,
        'arrived' as const,
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

/** Performs one action through the API; refusals (4xx) are part of the game, a server error is not. */
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
      case 'cancel': {
        const id = await latestBooking(world, caseId, ['booked', 'confirmed']);
        if (id) response = await movements.post(`/api/v1/bookings/${id}/cancel`, { reason: 'Property test' });
        break;
      }
      case 'rebook': {
        const id = await latestBooking(world, caseId, ['booked', 'confirmed']);
        if (id)
          response = await movements.post(`/api/v1/bookings/${id}/rebook`, amsIstEbl({ pnr: 'RBK001' }));
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

  const { kept, rebuilt } = await summariesAgainstRebuild(db, missionId);
  expect(rebuilt).toEqual(kept);
  return flown!.n;
}

describe('movement facts under random sequences of API actions', () => {
  it(
    'keep statuses, bookings, reports and summaries in agreement after every step',
    async () => {
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
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
      );
      console.log(
        `movement invariants: ${sequences} random action sequences, ${steps} actions checked, ${departedPassengers} passengers departed`,
      );
      expect(sequences).toBeGreaterThan(0);
    },
    TIME_LIMIT_MS + 60_000,
  );
});
