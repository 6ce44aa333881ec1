// Benchmark of the managers' dashboard (GET /api/v1/dashboard) on a large caseload.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard.ts --cases 1000000
//
// The database named in the URL is only used to drop and create `passage_bench_dashboard`, which the
// benchmark fills and measures. Fixture data is written with raw bulk INSERT ... SELECT from
// generate_series on the server (ids derived from md5 of the row number, so tables join without
// round trips): it is the stage, not what is measured, and the services would take hours for a
// million cases. The summary triggers of the reports module run during the load, as they would
// for any writer. Then the real application serves the dashboard over HTTP and the script prints
// p50/p95 per scenario, and checks that a transition shows on the next request.
import pg from 'pg';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { createMission, createUser } from '../src/modules/organisation/create-mission.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { databaseUrlOn, recreateDatabase } from './bench-database.js';
import { dashboardScenarios, measureDashboard, sessionCookie, startBenchApp, timed } from './bench-http.js';

const DATABASE_NAME = 'passage_bench_dashboard';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const CASES = option('cases', 20_000);
const REQUESTS = option('requests', 200);
const CHUNK = 100_000;
// --reuse measures again on the database a previous run loaded, without loading it again.
const REUSE = process.argv.includes('--reuse');
const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.error(
    'Set BENCH_DATABASE_URL to a PostgreSQL server (its database is only used to create the bench database).',
  );
  process.exit(1);
}

const OFFICES = [
  { name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague' },
  { name: 'Ter Apel reception centre', kind: 'reception_centre', country: 'NL', city: 'Ter Apel' },
  { name: 'Budel reception centre', kind: 'reception_centre', country: 'NL', city: 'Budel' },
  { name: 'Rotterdam detention centre', kind: 'detention_centre', country: 'NL', city: 'Rotterdam' },
  { name: 'Schiphol airport desk', kind: 'airport_desk', country: 'NL', city: 'Amsterdam' },
] as const;
const COUNSELLORS_PER_OFFICE = 5;
// A mature caseload: most cases finished or far along (cumulative thresholds out of 100).
const STATUSES: [string, number][] = [
  ['registered', 4],
  ['counselling', 11],
  ['application_submitted', 15],
  ['eligible', 18],
  ['ineligible', 22],
  ['travel_documents', 28],
  ['travel_booked', 31],
  ['departed', 32],
  ['arrived', 34],
  ['reintegration', 42],
  ['monitoring', 52],
  ['closed', 92],
  ['withdrawn', 98],
  ['on_hold', 100],
];
const NATIONALITIES = [
  'IQ',
  'AF',
  'SY',
  'NG',
  'GE',
  'AM',
  'MA',
  'DZ',
  'TN',
  'ER',
  'SO',
  'IR',
  'TR',
  'UA',
  'BR',
  'CO',
];

/** Loads the caseload with INSERT ... SELECT over generate_series, one chunk of rows a statement. */
async function bulkLoad(client: pg.Client, missionId: string, officeIds: string[], counsellors: string[][]) {
  const statusCase = STATUSES.map(([status, upTo]) => `when (i * 37) % 100 < ${upTo} then '${status}'`).join(
    ' ',
  );
  const nationality = `(array[${NATIONALITIES.map((n) => `'${n}'`).join(',')}])[1 + (i * 7) % ${NATIONALITIES.length}]`;
  const office = `(array[${officeIds.map((id) => `'${id}'::uuid`).join(',')}])[1 + (i * 13) % ${officeIds.length}]`;
  const assignee = `case when i % 5 = 0 then null else (array[${counsellors
    .map((ids) => `array[${ids.map((id) => `'${id}'::uuid`).join(',')}]`)
    .join(',')}])[1 + (i * 13) % ${officeIds.length}][1 + (i / 7) % ${COUNSELLORS_PER_OFFICE}] end`;
  // md5 of the row number, with the version and variant bits of a v4 UUID so the API accepts the ids.
  const id = (prefix: string, expr = 'i') =>
    `overlay(overlay(md5('${prefix}' || ${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
  const created = `now() - ((i % 1095) || ' days')::interval - ((i % 86400) || ' seconds')::interval`;
  for (let start = 1; start <= CASES; start += CHUNK) {
    const end = Math.min(start + CHUNK - 1, CASES);
    const series = `generate_series(${start}, ${end}) as i`;
    await client.query('begin');
    await client.query(`insert into persons (mission_id, id, given_name, family_name, sex, date_of_birth,
        date_of_birth_precision, nationalities, languages, name_key, name_skeleton, created_at, updated_at)
      select '${missionId}'::uuid, ${id('p')}, 'Given' || i, 'Family' || i, case when i % 2 = 0 then 'female' else 'male' end,
        date '1960-01-01' + (i % 20000), 'exact', array[${nationality}], array['ar'], 'given' || i || ' family' || i, 'gvn fml',
        ${created}, ${created}
      from ${series}`);
    // Every fifth case is a family of two.
    await client.query(`insert into persons (mission_id, id, given_name, family_name, sex, date_of_birth,
        date_of_birth_precision, nationalities, languages, name_key, name_skeleton, created_at, updated_at)
      select '${missionId}'::uuid, ${id('q')}, 'Child' || i, 'Family' || i, 'female', date '2015-01-01' + (i % 3000), 'exact',
        array[${nationality}], array['ar'], 'child' || i || ' family' || i, 'chld fml', ${created}, ${created}
      from ${series} where i % 5 = 0`);
    await client.query(`insert into case_groups (mission_id, id, created_at)
      select '${missionId}'::uuid, ${id('g')}, ${created} from ${series}`);
    await client.query(`insert into case_group_members (mission_id, case_group_id, person_id, role, position)
      select '${missionId}'::uuid, ${id('g')}, ${id('p')}, 'principal', 0 from ${series}
      union all
      select '${missionId}'::uuid, ${id('g')}, ${id('q')}, 'member', 1 from ${series} where i % 5 = 0`);
    await client.query(`insert into cases (mission_id, id, reference, programme, status, case_group_id, office_id,
        assignee_id, referral_source, vulnerabilities, created_at, updated_at, status_changed_at)
      select '${missionId}'::uuid, ${id('c')}, 'AVRR-B-' || lpad(i::text, 8, '0'), 'avrr', case ${statusCase} end,
        ${id('g')}, ${office}, ${assignee}, 'reception_agency',
        case when i % 20 = 0 then array['health_needs'] when i % 97 = 0 then array['unaccompanied_minor']
             when i % 211 = 0 then array['victim_of_trafficking'] else array[]::text[] end,
        ${created}, ${created}, ${created}
      from ${series}`);
    await client.query(`insert into case_events (mission_id, id, case_id, occurred_at, recorded_at, kind, data)
      select '${missionId}'::uuid, ${id('e')}, ${id('c')}, ${created}, ${created}, 'case_created', '{}'::jsonb from ${series}`);
    // Cases at or past departure departed once, some days after they were opened.
    await client.query(`insert into case_events (mission_id, id, case_id, occurred_at, recorded_at, kind, data)
      select '${missionId}'::uuid, ${id('d')}, ${id('c')}, least(now(), ${created} + ((i % 60) || ' days')::interval),
        least(now(), ${created} + ((i % 60) || ' days')::interval),
        'status_changed', '{"transition":"mark_departed","from":"travel_booked","to":"departed"}'::jsonb
      from ${series} where (i * 37) % 100 >= 31 and (i * 37) % 100 < 92`);
    await client.query(`insert into case_tasks (mission_id, id, case_id, title, due_date, done_at, created_at)
      select '${missionId}'::uuid, ${id('t')}, ${id('c')}, 'Follow up', current_date - 60 + (i % 120),
        case when i % 10 < 7 then now() end, ${created}
      from ${series} where i % 3 = 0`);
    await client.query('commit');
    console.log(`  loaded ${end.toLocaleString('en')} cases`);
  }
}

/** The mission, offices and users of a database a previous run loaded. */
async function reuseDatabase(client: pg.Client) {
  const mission = await client.query(`select id from missions where code = 'BENCH'`);
  const missionId = mission.rows[0].id as string;
  const offices = (
    await client.query(`select id, name from offices where mission_id = $1 order by name`, [missionId])
  ).rows as { id: string; name: string }[];
  const counsellor = await client.query(
    `select id from users where email = 'counsellor0-0@bench.passage.local'`,
  );
  const manager = await client.query(`select id from users where email = 'manager@bench.passage.local'`);
  return {
    missionId,
    offices,
    counsellorId: counsellor.rows[0].id as string,
    managerId: manager.rows[0].id as string,
  };
}

async function main() {
  registerEventSubscribers();
  console.log(
    `Dashboard benchmark: ${REUSE ? 'reusing the loaded database' : `${CASES.toLocaleString('en')} cases`}, ${REQUESTS} requests a scenario`,
  );
  const url = REUSE ? benchUrl() : await recreateDatabase(serverUrl!, DATABASE_NAME);
  const database = await openPostgres(url, { max: 10 });
  await migrateDatabase(database);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stage = REUSE ? await reuseDatabase(client) : await loadStage(database, client);
  await measureAll(database, client, url, stage);
  await database.close();
}

function benchUrl(): string {
  return databaseUrlOn(serverUrl!, DATABASE_NAME);
}

async function loadStage(database: Awaited<ReturnType<typeof openPostgres>>, client: pg.Client) {
  const { missionId, offices } = await createMission(database.db, {
    code: 'BENCH',
    name: 'Benchmark mission',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices: OFFICES.map((office) => ({ ...office })),
  });
  const counsellors: string[][] = [];
  for (const [index, office] of offices.entries()) {
    const ids: string[] = [];
    for (let n = 0; n < COUNSELLORS_PER_OFFICE; n++) {
      const user = await createUser(database.db, {
        missionId,
        email: `counsellor${index}-${n}@bench.passage.local`,
        displayName: `Counsellor ${index}-${n}`,
        passwordHash: null,
        roles: [{ role: 'counsellor', officeId: office.id }],
      });
      ids.push(user.id);
    }
    counsellors.push(ids);
  }
  const manager = await createUser(database.db, {
    missionId,
    email: 'manager@bench.passage.local',
    displayName: 'Manager',
    passwordHash: null,
    roles: [{ role: 'manager', officeId: null }],
  });

  await timed('bulk load (with the summary triggers)', () =>
    bulkLoad(
      client,
      missionId,
      offices.map((office) => office.id),
      counsellors,
    ),
  );
  await timed('analyze', () => client.query('analyze'));
  const sizes =
    await client.query(`select (select count(*) from cases) as cases, (select count(*) from persons) as persons,
      (select count(*) from case_events) as events, (select count(*) from case_tasks) as tasks,
      (select count(*) from case_counts) as case_count_rows, (select count(*) from case_departure_counts) as departure_rows,
      (select count(*) from case_task_counts) as task_count_rows`);
  console.log('  rows:', sizes.rows[0]);
  return { missionId, offices, counsellorId: counsellors[0]![0]!, managerId: manager.id };
}

async function measureAll(
  database: Awaited<ReturnType<typeof openPostgres>>,
  client: pg.Client,
  url: string,
  stage: { missionId: string; offices: { id: string }[]; counsellorId: string; managerId: string },
) {
  const { missionId, offices } = stage;
  const bench = await startBenchApp(database, url);
  const { baseUrl } = bench;
  const managerCookie = await sessionCookie(database, stage.managerId);
  const counsellorCookie = await sessionCookie(database, stage.counsellorId);
  await measureDashboard(
    baseUrl,
    dashboardScenarios({ managerCookie, counsellorCookie, officeId: offices[1]!.id }),
    { requests: REQUESTS, warmup: 20 },
  );

  // Freshness: a transition through the API shows on the very next dashboard request.
  const before = (await (
    await fetch(`${baseUrl}/api/v1/dashboard`, { headers: { cookie: managerCookie } })
  ).json()) as {
    openCaseload: { byProgrammeStatus: { status: string; count: number }[] };
  };
  const registered = await client.query(
    `select id, version from cases where mission_id = $1 and status = 'registered' limit 1`,
    [missionId],
  );
  const kase = registered.rows[0] as { id: string; version: number };
  const moved = await fetch(`${baseUrl}/api/v1/cases/${kase.id}/transitions`, {
    method: 'POST',
    headers: { cookie: managerCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ transition: 'start_counselling' }),
  });
  const after = (await (
    await fetch(`${baseUrl}/api/v1/dashboard`, { headers: { cookie: managerCookie } })
  ).json()) as typeof before;
  const count = (board: typeof before, status: string) =>
    board.openCaseload.byProgrammeStatus.find((row) => row.status === status)?.count ?? 0;
  console.log(
    `\nA transition (HTTP ${moved.status}) shows on the next request: registered ${count(before, 'registered')} → ${count(after, 'registered')}, counselling ${count(before, 'counselling')} → ${count(after, 'counselling')}`,
  );

  await bench.close();
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
