// Airport board benchmark: a fortnight of movements with 1,400 passengers on the measured day at
// AMS, then GET /api/v1/board for that day through the whole HTTP stack. Not a test: it prints
// p50/p95 per database. BENCH_DATABASE_URL names a PostgreSQL server, where the run drops and creates
// its own database passage_bench_board (never the database in the URL).
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/sessions.js';
import { caseGroupMembers, caseGroups, cases } from '../src/modules/cases/schema.js';
import { seededRandom } from '../src/modules/demo/seeded-random.js';
import { DEFAULT_FACTORS } from '../src/modules/emissions/factor-sets.js';
import { emissionFactorSets } from '../src/modules/emissions/schema.js';
import {
  assistTasks,
  bookingPassengers,
  bookingSegments,
  bookings,
} from '../src/modules/movements/schema.js';
import { persons } from '../src/modules/persons/schema.js';
import { loadAirportIndex } from '../src/platform/airports/airports.js';
import { type Database, openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { buildMission } from '../src/test-support/build-mission.js';
import { type BenchDatabase, freshPglite } from './bench-database.js';

const BOARD_DATABASE = 'passage_bench_board';
const DAY = '2025-07-01';
const settings = {
  days: Number(process.env.BENCH_DAYS ?? 14),
  perDay: Number(process.env.BENCH_PASSENGERS ?? 1400),
  requests: Number(process.env.BENCH_REQUESTS ?? 50),
  warmup: Number(process.env.BENCH_WARMUP ?? 5),
  serverUrl: process.env.BENCH_DATABASE_URL?.trim() || null,
};
const DESTINATIONS = ['IST', 'EBL', 'BGW', 'LOS', 'ACC', 'TBS', 'KBL', 'ADD', 'GRU', 'CAI', 'TUN', 'DXB'];
const ORIGINS = ['BEY', 'NBO', 'AMM', 'KUL', 'CAI', 'ISB'];
const ONWARD = ['YYZ', 'JFK', 'ARN', 'OSL', 'HEL', 'CPH'];

async function freshPostgresBoard(serverUrl: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BOARD_DATABASE} with (force)`);
    await admin.query(`create database ${BOARD_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BOARD_DATABASE}`;
  const database = await openPostgres(url.toString());
  await migrateDatabase(database);
  url.password = '';
  return { database, location: url.toString(), dispose: () => database.close() };
}

async function insertChunked<T>(
  database: Database,
  table: Parameters<Database['db']['insert']>[0],
  rows: T[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    await database.db.insert(table).values(rows.slice(i, i + 1000) as never);
  }
}

/** Bulk-loads the movements: departures (with AVRR cases), transits through AMS and arrivals. */
async function loadMovements(database: Database) {
  const mission = await buildMission(database.db);
  const missionId = mission.missionId;
  const airports = await loadAirportIndex();
  const rng = seededRandom(11);
  const now = new Date();
  const [factorSet] = await database.db
    .insert(emissionFactorSets)
    .values({
      missionId,
      id: newId(),
      name: 'bench',
      version: 1,
      method: 'distance_band',
      factors: DEFAULT_FACTORS,
      createdAt: now,
    })
    .returning();
  const rows = {
    persons: [] as unknown[],
    groups: [] as unknown[],
    members: [] as unknown[],
    cases: [] as unknown[],
  };
  const rowsB = {
    bookings: [] as unknown[],
    segments: [] as unknown[],
    passengers: [] as unknown[],
    tasks: [] as unknown[],
  };
  const at = (airport: string, local: DateTime) => {
    const zone = airports.get(airport)!.timeZone;
    const zoned = local.setZone(zone, { keepLocalTime: true });
    return { at: zoned.toJSDate(), zone, date: zoned.toISODate()! };
  };
  let caseNo = 0;
  const start = DateTime.fromISO(DAY, { zone: 'Europe/Amsterdam' }).minus({
    days: Math.floor(settings.days / 2),
  });
  for (let d = 0; d < settings.days; d++) {
    const day = start.plus({ days: d });
    let seated = 0;
    while (seated < settings.perDay) {
      const size = Math.min(rng.int(1, 5), settings.perDay - seated);
      seated += size;
      const bookingId = newId();
      const roll = rng.int(1, 100);
      const kind = roll <= 50 ? 'departure' : roll <= 85 ? 'transit' : 'arrival';
      const hour = rng.int(6, 22);
      const minute = rng.pick([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);
      const local = day.set({ hour, minute });
      const legs: [string, DateTime, string, DateTime][] =
        kind === 'departure'
          ? [['AMS', local, rng.pick(DESTINATIONS), local.plus({ hours: 4 })]]
          : kind === 'transit'
            ? [
                [rng.pick(ORIGINS), local.minus({ hours: 5 }), 'AMS', local],
                [
                  'AMS',
                  local.plus({ minutes: rng.int(45, 240) }),
                  rng.pick(ONWARD),
                  local.plus({ hours: 10 }),
                ],
              ]
            : [[rng.pick(ORIGINS), local.minus({ hours: 5 }), 'AMS', local]];
      let caseId: string | null = null;
      const personIds = Array.from({ length: size }, () => newId());
      for (const [i, id] of personIds.entries()) {
        rows.persons.push({
          missionId,
          id,
          givenName: `Given${i}`,
          familyName: `Family${caseNo}`,
          sex: 'unknown',
          dateOfBirthPrecision: 'year',
          nameKey: `given${i} family${caseNo}`,
          nameSkeleton: '',
          createdAt: now,
          updatedAt: now,
        });
      }
      if (kind === 'departure') {
        const groupId = newId();
        caseId = newId();
        rows.groups.push({ missionId, id: groupId, createdAt: now });
        personIds.forEach((personId, position) => {
          rows.members.push({
            missionId,
            caseGroupId: groupId,
            personId,
            role: position === 0 ? 'principal' : 'member',
            position,
          });
        });
        rows.cases.push({
          missionId,
          id: caseId,
          reference: `AVRR-BENCH-${++caseNo}`,
          programme: 'avrr',
          status: 'travel_booked',
          caseGroupId: groupId,
          officeId: mission.offices.hague.id,
          referralSource: 'return_service',
          createdAt: now,
          updatedAt: now,
          statusChangedAt: now,
        });
      } else caseNo++;
      rowsB.bookings.push({
        missionId,
        id: bookingId,
        lineageId: bookingId,
        version: 1,
        kind,
        programme: kind === 'departure' ? 'avrr' : 'resettlement',
        caseId,
        status: 'confirmed',
        pnr: `B${String(caseNo).padStart(5, '0')}`,
        createdAt: now,
        updatedAt: now,
        confirmedAt: now,
      });
      legs.forEach(([from, fromLocal, to, toLocal], position) => {
        const dep = at(from, fromLocal);
        const arr = at(to, toLocal);
        rowsB.segments.push({
          missionId,
          id: newId(),
          bookingId,
          position,
          airline: 'KL',
          flightNumber: String(1000 + rng.int(0, 60) + position * 100),
          departureAirport: from,
          departureAt: dep.at,
          departureTimeZone: dep.zone,
          departureLocalDate: dep.date,
          arrivalAirport: to,
          arrivalAt: arr.at,
          arrivalTimeZone: arr.zone,
          arrivalLocalDate: arr.date,
          distanceKm: 2000,
          co2Band: 'international_non_uk',
          co2Factor: '0.10916',
          co2Kg: '218.32',
          emissionFactorSetId: factorSet!.id,
        });
      });
      personIds.forEach((personId, position) => {
        rowsB.passengers.push({
          missionId,
          id: newId(),
          bookingId,
          personId,
          position,
          status: 'confirmed',
          statusChangedAt: now,
        });
      });
      const taskAt =
        kind === 'departure'
          ? ['check_in_help', 'exit_formalities']
          : kind === 'transit'
            ? ['connection']
            : ['handover'];
      for (const taskKind of taskAt) {
        rowsB.tasks.push({
          missionId,
          id: newId(),
          bookingId,
          airport: 'AMS',
          localDate: local.toISODate(),
          kind: taskKind,
          createdAt: now,
        });
      }
    }
  }
  await insertChunked(database, persons, rows.persons);
  await insertChunked(database, caseGroups, rows.groups);
  await insertChunked(database, caseGroupMembers, rows.members);
  await insertChunked(database, cases, rows.cases);
  await insertChunked(database, bookings, rowsB.bookings);
  await insertChunked(database, bookingSegments, rowsB.segments);
  await insertChunked(database, bookingPassengers, rowsB.passengers);
  await insertChunked(database, assistTasks, rowsB.tasks);
  await database.db.execute(sql.raw('analyze'));
  return { mission, passengers: rowsB.passengers.length, bookings: rowsB.bookings.length };
}

async function profile(database: Database, missionId: string, userId: string) {
  const { selectBoardBookings, selectBoardPassengers } = await import(
    '../src/modules/movements/board-queries.js'
  );
  const { getBoard } = await import('../src/modules/movements/get-board.js');
  const { loadActor } = await import('../src/modules/organisation/load-actor.js');
  const actor = (await loadActor(database.db, userId))!;
  const time = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await fn();
    console.log(`   ${name}: ${((performance.now() - t0) / 10).toFixed(1)} ms`);
  };
  await time('bookings query', () =>
    selectBoardBookings(database.db, { missionId, airport: 'AMS', date: DAY }),
  );
  await time('passengers query', () =>
    selectBoardPassengers(database.db, { missionId, airport: 'AMS', date: DAY }),
  );
  await time('getBoard', () => getBoard(database.db, actor, { airport: 'AMS', date: DAY }));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function runOn(kind: string, open: () => Promise<BenchDatabase>) {
  const bench = await open();
  try {
    const started = performance.now();
    const loaded = await loadMovements(bench.database);
    console.log(
      `== ${kind}: ${loaded.passengers.toLocaleString('en')} passengers in ${loaded.bookings.toLocaleString('en')} bookings over ${settings.days} days, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const config = {
      ...loadConfig({
        DATA_DIR: path.join(os.tmpdir(), 'passage-bench-board'),
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '0',
      }),
      demo: false,
    };
    const app = await buildApp({ config, database: bench.database, logger: false });
    await app.ready();
    try {
      const token = await createSession(bench.database.db, {
        userId: loaded.mission.users.movements.id,
        ip: null,
        userAgent: 'bench',
        now: new Date(),
      });
      const get = async () => {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/board?date=${DAY}&airport=AMS`,
          headers: { cookie: `${SESSION_COOKIE}=${token}` },
        });
        if (response.statusCode !== 200)
          throw new Error(`board answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        return response;
      };
      for (let i = 0; i < settings.warmup; i++) await get();
      if (process.env.BENCH_PROFILE)
        await profile(bench.database, loaded.mission.missionId, loaded.mission.users.movements.id);
      const times: number[] = [];
      let last = await get();
      for (let i = 0; i < settings.requests; i++) {
        const t0 = performance.now();
        last = await get();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const board = last.json();
      const result = {
        database: kind,
        passengersOnDay: board.totals.passengers,
        flights: board.totals.flights,
        responseKb: Math.round(last.body.length / 1024),
        p50: Number(percentile(times, 50).toFixed(1)),
        p95: Number(percentile(times, 95).toFixed(1)),
        max: Number(times.at(-1)!.toFixed(1)),
      };
      console.log(
        `   GET /board?date=${DAY}&airport=AMS: ${result.passengersOnDay} passengers, ${result.flights} flights, ${result.responseKb} kB — p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms (${settings.requests} requests)`,
      );
      return result;
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

const results = [];
if (process.env.BENCH_ONLY !== 'postgresql') results.push(await runOn('pglite', freshPglite));
if (settings.serverUrl) {
  const serverUrl = settings.serverUrl;
  results.push(await runOn('postgresql', () => freshPostgresBoard(serverUrl)));
}
console.table(results);
