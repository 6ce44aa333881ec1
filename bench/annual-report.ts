// Benchmark of the annual report (GET /api/v1/annual-report) and the dashboard at scale 100.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/annual-report.ts
//     [--copies 99] [--reports 5] [--requests 200] [--reuse] [--keep]
//
// The database named in the URL is only used to drop and create `passage_bench_annual`. The run makes
// one year of operations at scale 1 through the domain services (the demo year), fetches its annual
// report, then multiplies the mission's data to scale copies + 1 with bulk SQL on the server (see
// multiply-mission.ts), through the summary triggers. Then the real application builds the annual
// report over HTTP a few times, every volume figure is checked to be (copies + 1) times the scale-1
// figure and every breadth figure (countries, counsellors, partners) to be unchanged, and the
// dashboard is measured. Exits non-zero when a figure or a summary table is wrong.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import type { AnnualReport } from '../src/modules/annual-report/annual-report-schemas.js';
import { demoYearEmail } from '../src/modules/demo-year/create-demo-year-mission.js';
import { runDemoYear } from '../src/modules/demo-year/run-demo-year.js';
import { summariesAgainstRebuild } from '../src/modules/reports/summary-rebuild-check.js';
import { createOverdueReminders } from '../src/modules/travel-documents/create-overdue-reminders.js';
import { type Database, openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { databaseUrlOn, dropDatabase, printableUrl, recreateDatabase } from './bench-database.js';
import {
  type BenchApp,
  type DashboardScenario,
  dashboardScenarios,
  getJson,
  measureDashboard,
  measureGet,
  percentile,
  sessionCookie,
  startBenchApp,
  timed,
} from './bench-http.js';
import { describePlan, planMultiply, writeCopies } from './multiply-mission.js';

const DATABASE_NAME = 'passage_bench_annual';
const YEAR = 2023;
const MISSION_CODE = `NL-${YEAR}`;
const BIG_TABLES = [
  'persons',
  'cases',
  'case_events',
  'bookings',
  'booking_passengers',
  'reintegration_grants',
  'travel_document_requests',
];
/** Figures that count kinds of things (countries, counsellors, languages): more of the same year keeps them. */
const BREADTHS = new Set([
  'year',
  'avrr.destination_countries',
  'avrr.counsellors',
  'avrr.counsellor_languages_at_least',
  'diplomatic_liaison.travel_document_countries',
]);

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '99' },
    reports: { type: 'string', default: '5' },
    requests: { type: 'string', default: '200' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const settings = {
  copies: Number(values.copies),
  reports: Number(values.reports),
  requests: Number(values.requests),
  reuse: values.reuse === true,
  keep: values.keep === true,
};
if (!Number.isInteger(settings.copies) || settings.copies < 1)
  throw new Error(`--copies must be 1 or more, not ${values.copies}`);
const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
if (!serverUrl) {
  console.error(
    'Set BENCH_DATABASE_URL to a PostgreSQL server (its database is only used to create the bench database).',
  );
  process.exit(1);
}

const phases: { label: string; seconds: number }[] = [];
const loadAverage = () =>
  `${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} (${os.cpus().length} cores)`;
const thousands = (value: number) => value.toLocaleString('en');

/** The mission of the demo year, its manager, a counsellor and another office, found by their names. */
async function findStage(client: pg.Client) {
  const { rows } = await client.query<{
    mission_id: string;
    manager_id: string | null;
    counsellor_id: string | null;
    office_id: string | null;
  }>(
    `select m.id as mission_id,
       (select id from users where email = $2) as manager_id,
       (select id from users where email = $3) as counsellor_id,
       (select id from offices where mission_id = m.id and name = 'Ter Apel reception centre') as office_id
     from missions m where m.code = $1`,
    [MISSION_CODE, demoYearEmail(MISSION_CODE, 'manager'), demoYearEmail(MISSION_CODE, 'counsellor01')],
  );
  const row = rows[0];
  if (!row?.manager_id || !row.counsellor_id || !row.office_id) {
    throw new Error(`No demo-year mission ${MISSION_CODE} in ${DATABASE_NAME}: run without --reuse first`);
  }
  return {
    missionId: row.mission_id,
    managerId: row.manager_id,
    counsellorId: row.counsellor_id,
    officeId: row.office_id,
  };
}

// The scale-1 report and the number of copies are kept in the bench database (in a schema of its
// own, apart from Passage's tables), so that --reuse can check the figures again.
async function saveBaseline(client: pg.Client, report: AnnualReport, copies: number) {
  await client.query('create schema if not exists bench');
  await client.query(
    'create table if not exists bench.baseline (report jsonb not null, copies integer not null, loaded_at timestamptz not null)',
  );
  await client.query('delete from bench.baseline');
  await client.query('insert into bench.baseline values ($1, $2, now())', [JSON.stringify(report), copies]);
}

async function loadBaseline(client: pg.Client): Promise<{ report: AnnualReport; copies: number }> {
  const { rows } = await client.query<{ report: AnnualReport; copies: number }>(
    `select report, copies from bench.baseline where to_regclass('bench.baseline') is not null`,
  );
  if (!rows[0]) throw new Error('The bench database holds no scale-1 report: run without --reuse first');
  return rows[0];
}

/** Makes the demo year at scale 1 through the services; answers its mission's id. */
async function makeYear(database: Database): Promise<string> {
  console.log('\nDemo year at scale 1, through the domain services');
  const result = await timed(
    'demo year',
    () =>
      runDemoYear(database, {
        year: YEAR,
        scale: 1,
        missionCode: MISSION_CODE,
        log: (line) => console.log(`  ${line}`),
      }),
    phases,
  );
  const { tally, milliseconds } = result;
  console.log(
    `  ${thousands(tally.cases)} cases of ${thousands(tally.persons)} persons; cases ${(milliseconds.cases / 1000).toFixed(1)} s, movements ${(milliseconds.movements / 1000).toFixed(1)} s, outreach ${(milliseconds.outreach / 1000).toFixed(1)} s`,
  );
  // A server start gives overdue travel-document requests their reminder task. Made now, before the
  // snapshot, the copies carry theirs and the measured server has none to make while it is timed.
  const reminders = await createOverdueReminders(database.db, {
    now: new Date(),
    missionId: result.mission.missionId,
  });
  console.log(`  reminder tasks for overdue travel-document requests: ${reminders.created}`);
  await checkSummaries(database, result.mission.missionId, 'at scale 1');
  return result.mission.missionId;
}

/** Multiplies the mission's data to scale copies + 1 with bulk SQL, then refreshes the statistics. */
async function multiply(client: pg.Client, missionId: string): Promise<void> {
  console.log(`\nMultiplying the mission's data: ${settings.copies} copies of every row, with bulk SQL`);
  const plan = await timed('snapshot and plan', () => planMultiply(client, missionId), phases);
  for (const line of describePlan(plan)) console.log(line);
  await timed(
    `${settings.copies} copies (with the summary triggers)`,
    () => writeCopies(client, plan, settings.copies, (line) => console.log(line)),
    phases,
  );
  await timed('analyze', () => client.query('analyze'), phases);
}

let failures = 0;

/** Compares the summary tables with a rebuild from the records (rolled back). */
async function checkSummaries(database: Database, missionId: string, when: string) {
  const { kept, rebuilt } = await summariesAgainstRebuild(database.db, missionId);
  const keptSet = new Set(kept.map((row) => JSON.stringify(row)));
  const rebuiltSet = new Set(rebuilt.map((row) => JSON.stringify(row)));
  const missing = rebuilt.filter((row) => !keptSet.has(JSON.stringify(row)));
  const extra = kept.filter((row) => !rebuiltSet.has(JSON.stringify(row)));
  if (missing.length === 0 && extra.length === 0) {
    console.log(
      `  pass  summary tables ${when} agree with a rebuild from the records (${thousands(kept.length)} rows)`,
    );
    return;
  }
  failures += 1;
  console.log(
    `  FAIL  summary tables ${when}: ${missing.length} rows of the rebuild are not kept as such, ${extra.length} kept rows are not in the rebuild`,
  );
  for (const row of [...missing.slice(0, 5), ...extra.slice(0, 5)])
    console.log(`        ${JSON.stringify(row)}`);
}

/** One line per figure: volumes must be `factor` times the scale-1 figure, breadths and lists the same. */
function checkFigures(baseline: AnnualReport, scaled: AnnualReport, factor: number) {
  const lines: { path: string; ok: boolean; text: string }[] = [];
  const walk = (before: unknown, after: unknown, path: string) => {
    if (path === 'generated_at') return;
    if (Array.isArray(before)) {
      const ok = JSON.stringify(before) === JSON.stringify(after);
      lines.push({
        path,
        ok,
        text: `${before.length} entries, unchanged${ok ? '' : `: got ${JSON.stringify(after)}`}`,
      });
    } else if (typeof before === 'number') {
      const breadth = BREADTHS.has(path);
      const expected = breadth ? before : before * factor;
      const show = (value: number) => (path === 'year' ? String(value) : thousands(value));
      const text = breadth ? `${show(before)}, unchanged` : `${show(before)} × ${factor} = ${show(expected)}`;
      lines.push({
        path,
        ok: after === expected,
        text: after === expected ? text : `${text}, got ${typeof after === 'number' ? show(after) : after}`,
      });
    } else if (typeof before === 'string') {
      // A figure in words (how economic grants are paid) scales the numbers in it.
      const expected = before.replace(/\d+/g, (digits) => String(Number(digits) * factor));
      lines.push({
        path,
        ok: after === expected,
        text: after === expected ? `"${expected}"` : `expected "${expected}", got "${after}"`,
      });
    } else if (before === null || typeof before !== 'object') {
      lines.push({
        path,
        ok: after === before,
        text: `${before}${after === before ? '' : `, got ${after}`}`,
      });
    } else {
      const keys = new Set([...Object.keys(before), ...Object.keys((after ?? {}) as object)]);
      for (const key of keys) {
        walk(
          (before as Record<string, unknown>)[key],
          (after as Record<string, unknown> | null)?.[key],
          path ? `${path}.${key}` : key,
        );
      }
    }
  };
  walk(baseline, scaled, '');
  console.log(
    `\nFigures at scale ${factor} against scale 1 (volumes × ${factor}, breadths and lists unchanged)`,
  );
  const width = Math.max(...lines.map((line) => line.path.length));
  for (const line of lines) {
    console.log(`  ${line.ok ? 'pass' : 'FAIL'}  ${line.path.padEnd(width)}  ${line.text}`);
  }
  const wrong = lines.filter((line) => !line.ok).length;
  failures += wrong;
  console.log(`  ${lines.length - wrong} of ${lines.length} figures as expected`);
}

async function main() {
  registerEventSubscribers();
  console.log(
    `Annual report benchmark: ${settings.reuse ? 'reusing the loaded database' : `demo year ${YEAR} at scale 1, then ${settings.copies} copies (scale ${settings.copies + 1})`}`,
  );
  console.log(`  load average at start: ${loadAverage()}`);
  const url = settings.reuse
    ? databaseUrlOn(serverUrl!, DATABASE_NAME)
    : await timed('fresh database', () => recreateDatabase(serverUrl!, DATABASE_NAME), phases);
  console.log(`  database: ${printableUrl(url)}`);
  const database = await openPostgres(url, { max: 10 });
  const client = new pg.Client({ connectionString: url });
  let app: BenchApp | null = null;
  try {
    await timed('migrations', () => migrateDatabase(database), phases);
    await client.connect();
    const missionId = settings.reuse ? null : await makeYear(database);
    // Started once the year exists: its start-up work (reminders) then finds nothing to do.
    app = await startBenchApp(database, url);
    const stage = await findStage(client);
    const managerCookie = await sessionCookie(database, stage.managerId);
    const reportUrl = `${app.baseUrl}/api/v1/annual-report?year=${YEAR}`;
    let baseline: { report: AnnualReport; copies: number };
    if (missionId) {
      const report = await timed(
        'annual report at scale 1',
        () => getJson<AnnualReport>(reportUrl, managerCookie),
        phases,
      );
      await multiply(client, missionId);
      await saveBaseline(client, report, settings.copies);
      baseline = { report, copies: settings.copies };
    } else {
      baseline = await loadBaseline(client);
    }
    const factor = baseline.copies + 1;

    const counts = await client.query<Record<string, string>>(
      `select ${BIG_TABLES.map((table) => `(select count(*) from ${table} where mission_id = $1) as ${table}`).join(', ')}`,
      [stage.missionId],
    );
    console.log(`\nRows at scale ${factor}`);
    for (const table of BIG_TABLES) {
      console.log(`  ${table.padEnd(26)} ${thousands(Number(counts.rows[0]![table])).padStart(12)}`);
    }
    await timed(
      'summary tables against a rebuild',
      () => checkSummaries(database, stage.missionId, `at scale ${factor}`),
      phases,
    );

    console.log(
      `\nGET /api/v1/annual-report?year=${YEAR} as the manager (ms, over HTTP, ${settings.reports} requests after 1 warm-up)`,
    );
    const warmStart = performance.now();
    const report = await measureGet<AnnualReport>(reportUrl, managerCookie, {
      requests: settings.reports,
      warmup: 1,
      each: (ms, index) => console.log(`  request ${index + 1}: ${thousands(Math.round(ms))} ms`),
    });
    const sorted = [...report.times].sort((a, b) => a - b);
    console.log(
      `  median ${thousands(Math.round(percentile(sorted, 50)))} ms, max ${thousands(Math.round(report.max))} ms`,
    );
    phases.push({ label: 'annual report requests', seconds: (performance.now() - warmStart) / 1000 });
    checkFigures(baseline.report, report.body, factor);

    const scenarios: DashboardScenario[] = [
      ...dashboardScenarios({
        managerCookie,
        counsellorCookie: await sessionCookie(database, stage.counsellorId),
        officeId: stage.officeId,
      }),
      {
        label: `manager, whole mission, ${YEAR}`,
        cookie: managerCookie,
        query: `?from=${YEAR}-01-01&to=${YEAR}-12-31`,
      },
    ];
    const dashboardStart = performance.now();
    const dashboard = await measureDashboard(app.baseUrl, scenarios, {
      requests: settings.requests,
      warmup: 20,
    });
    phases.push({ label: 'dashboard requests', seconds: (performance.now() - dashboardStart) / 1000 });
    const worst = Math.max(...dashboard.map((figures) => figures.p95));
    console.log(`  worst p95 ${worst.toFixed(1)} ms (goal: 100 ms)`);

    console.log('\nPhases');
    for (const phase of phases)
      console.log(`  ${phase.label.padEnd(44)} ${phase.seconds.toFixed(1).padStart(8)} s`);
    console.log(`  load average at the end: ${loadAverage()}`);
  } finally {
    await app?.close();
    await client.end().catch(() => undefined);
    await database.close();
    if (settings.keep) {
      console.log(`\nKept ${DATABASE_NAME} (measure it again with --reuse).`);
    } else {
      await dropDatabase(serverUrl!, DATABASE_NAME);
      console.log(`\nDropped ${DATABASE_NAME} (--keep leaves it for --reuse).`);
    }
  }
  if (failures > 0) {
    console.log(`${failures} check(s) failed.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
