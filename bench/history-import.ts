// Benchmark of the history import: 10,000 historic cases (about 20,000 persons) from one CSV file,
// validated, checked against the mission and written, on PGlite and on the PostgreSQL server.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/history-import.ts --cases 10000
//   npx tsx bench/history-import.ts --cases 10000 --only pglite
//
// Without BENCH_DATABASE_URL only PGlite is measured. Each database is new and migrated: PGlite in
// a temporary directory, on the server a database of its own (passage_bench_history, created and
// dropped by the run). The import runs through the same functions as POST /api/v1/imports
// (checkHistoryFile, createHistoryImport, runHistoryImport), phase by phase: the dry run, the import
// (checking the file again, then writing it in batches), the annual report of the year; then the
// script checks that the report counts what the file holds and that a second import of the same
// file creates nothing.
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { getAnnualReport } from '../src/modules/annual-report/get-annual-report.js';
import { COUNTRY_OF, makeHistory, toCsv } from '../src/modules/history-import/history-import-test-support.js';
import {
  checkHistoryFile,
  createHistoryImport,
  HISTORY_BATCH_SIZE,
  type HistoryBatchProgress,
  runHistoryImport,
} from '../src/modules/history-import/run-history-import.js';
import { createMission, createUser } from '../src/modules/organisation/create-mission.js';
import { loadActor } from '../src/modules/organisation/load-actor.js';
import { withSystemTransaction } from '../src/platform/db/transaction.js';
import { type BenchDatabase, freshPglite, freshPostgres } from './bench-database.js';

/** The database the benchmark creates on the server, and drops again when it is done. */
const DATABASE_NAME = 'passage_bench_history';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const CASES = Number(option('cases') ?? 10_000);
const BATCH = Number(option('batch') ?? HISTORY_BATCH_SIZE);
const ONLY = option('only') ?? null;
if (!Number.isInteger(CASES) || CASES < 1) throw new Error('--cases must be a whole number');
if (!Number.isInteger(BATCH) || BATCH < 1) throw new Error('--batch must be a whole number');
if (ONLY !== null && ONLY !== 'pglite' && ONLY !== 'postgresql')
  throw new Error('--only must be pglite or postgresql');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
// CPU time of this process (user and system), in ms: on PGlite the database runs in it too, so this
// is the work itself, whatever else the machine is doing; on a server it leaves out the server's.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Runs `work`, answering its result with the wall-clock and CPU time it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; cpu: number }> {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = await work();
  return { result, ms: performance.now() - wall, cpu: cpuMs() - cpu };
}
const both = (phase: { ms: number; cpu: number }) =>
  `${seconds(phase.ms).padStart(8)} (CPU ${seconds(phase.cpu)})`;

async function measure(label: string, bench: BenchDatabase, file: Buffer, expectedDeparted: number) {
  const { db } = bench.database;
  const { missionId } = await createMission(db, {
    code: 'BENCH',
    name: 'Benchmark mission',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices: [{ name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague' }],
  });
  const admin = await createUser(db, {
    missionId,
    email: 'admin@bench.passage.local',
    displayName: 'Admin',
    passwordHash: null,
    roles: [{ role: 'admin', officeId: null }],
  });
  const actor = await loadActor(db, admin.id);
  if (!actor) throw new Error('no actor');
  const upload = { filename: 'history.csv', data: file };

  // 1. The dry run: read, validate every row, check against the mission; the job row only.
  const dryRun = await timed(async () => {
    const checked = await checkHistoryFile(db, actor, upload, new Date());
    const job = await withSystemTransaction(db, actor, (ctx) =>
      createHistoryImport(ctx, { filename: upload.filename, dryRun: true, checked }),
    );
    return { checked, job };
  });
  const dry = dryRun.result.checked;
  if (dry.problems.length > 0 || dry.fatal) throw new Error(JSON.stringify(dry.problems.slice(0, 5)));

  // 2. The import: the file checked again (as the request does), then written batch by batch.
  const importOnce = async (batches: (HistoryBatchProgress & { cpu: number })[]) => {
    const check = await timed(async () => {
      const checked = await checkHistoryFile(db, actor, upload, new Date());
      const job = await withSystemTransaction(db, actor, (ctx) =>
        createHistoryImport(ctx, { filename: upload.filename, dryRun: false, checked }),
      );
      return { checked, job };
    });
    let cpuBefore = cpuMs();
    const write = await timed(() =>
      runHistoryImport(bench.database, actor, check.result.job.id, check.result.checked.prepared, {
        batchSize: BATCH,
        onBatch: (progress) => {
          const now = cpuMs();
          batches.push({ ...progress, cpu: now - cpuBefore });
          cpuBefore = now;
        },
      }),
    );
    return { checked: check.result.checked, check, write };
  };
  const batches: (HistoryBatchProgress & { cpu: number })[] = [];
  const first = await importOnce(batches);

  // 3. The report of the year.
  const reported = await timed(() => getAnnualReport(db, actor, 2024, new Date()));
  const report = reported.result;

  const second = await importOnce([]);
  const ok =
    report.avrr.departed === expectedDeparted &&
    report.airport.departures === expectedDeparted &&
    first.checked.prepared.length === CASES &&
    second.checked.existing === CASES &&
    dryRun.result.job.created === CASES;

  // How the batches' write time evolves: steady when the statistics keep up with the tables.
  const tenth = Math.max(1, Math.floor(batches.length / 10));
  const mean = (list: typeof batches, of: (batch: (typeof batches)[number]) => number) =>
    Math.round(list.reduce((sum, batch) => sum + of(batch), 0) / Math.max(1, list.length));
  const trend = (of: (batch: (typeof batches)[number]) => number) =>
    `first tenth ${mean(batches.slice(0, tenth), of)} ms, last tenth ${mean(batches.slice(-tenth), of)} ms`;
  const analyseMs = batches.reduce((sum, batch) => sum + batch.analyseMs, 0);
  const analyses = batches.reduce((sum, batch) => sum + batch.analysed.length, 0);
  const total = {
    ms: dryRun.ms + first.check.ms + first.write.ms + reported.ms,
    cpu: dryRun.cpu + first.check.cpu + first.write.cpu + reported.cpu,
  };
  console.log(
    [
      `${label}: ${CASES} cases                 wall clock (CPU of this process)`,
      `  dry run (read, validate, check)   ${both(dryRun)}`,
      `  import: check the file again      ${both(first.check)}`,
      `  import: write ${String(batches.length).padStart(3)} batches        ${both(first.write)}, ` +
        `${Math.round(CASES / (first.write.ms / 1000))} cases/s; ANALYZE ${seconds(analyseMs)} (${analyses} tables)`,
      `    a batch, wall clock: ${trend((batch) => batch.writeMs + batch.analyseMs)}`,
      `    a batch, CPU:        ${trend((batch) => batch.cpu)}`,
      `  annual report 2024                ${both(reported)}`,
      `  total                             ${both(total)}`,
      `  second import of the same file    ${both({ ms: second.check.ms + second.write.ms, cpu: second.check.cpu + second.write.cpu })} (${second.checked.existing} existing)`,
      `  2024 departures ${report.avrr.departed} AVRR, ${report.airport.departures} airport (file: ${expectedDeparted}) ${ok ? 'ok' : 'MISMATCH'}`,
    ].join('\n'),
  );
  if (!ok) process.exitCode = 1;
}

registerEventSubscribers();
const rows = makeHistory(CASES);
const file = Buffer.from(toCsv(rows));
const sizes = new Map<string, number>();
for (const row of rows) sizes.set(row.case_id!, (sizes.get(row.case_id!) ?? 0) + 1);
const expectedDeparted = rows
  .filter(
    (row) => row.registered_at && row.departure_local?.startsWith('2024') && COUNTRY_OF[row.arrival_airport!],
  )
  .reduce((n, row) => n + (sizes.get(row.case_id!) ?? 0), 0);
console.log(
  `history import: ${CASES} cases, ${rows.length} persons, file ${(file.length / 1024 / 1024).toFixed(1)} MiB (CSV), batches of ${BATCH} cases; node ${process.version}`,
);

if (ONLY !== 'postgresql') {
  const pglite = await freshPglite();
  try {
    await measure('PGlite', pglite, file, expectedDeparted);
  } finally {
    await pglite.dispose();
  }
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (ONLY === 'postgresql' && !serverUrl) throw new Error('--only postgresql needs BENCH_DATABASE_URL');
if (serverUrl && ONLY !== 'pglite') {
  const postgres = await freshPostgres(serverUrl, { name: DATABASE_NAME, dropAfter: true });
  try {
    await measure('PostgreSQL', postgres, file, expectedDeparted);
  } finally {
    await postgres.dispose();
  }
}
