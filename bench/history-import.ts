// Benchmark of the history import: 10,000 historic cases (about 20,000 persons) from one CSV file,
// validated, checked against the mission and written, on PGlite and on the PostgreSQL server.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/history-import.ts --cases 10000
//
// Without BENCH_DATABASE_URL only PGlite is measured. Each database is new and migrated; the import
// runs through the same functions as POST /api/v1/imports (checkHistoryFile, createHistoryImport,
// runHistoryImport), then the script checks that the annual report counts what the file holds and
// that a second import of the same file creates nothing.
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { getAnnualReport } from '../src/modules/annual-report/get-annual-report.js';
import { COUNTRY_OF, makeHistory, toCsv } from '../src/modules/history-import/history-import-test-support.js';
import {
  checkHistoryFile,
  createHistoryImport,
  runHistoryImport,
} from '../src/modules/history-import/run-history-import.js';
import { createMission, createUser } from '../src/modules/organisation/create-mission.js';
import { loadActor } from '../src/modules/organisation/load-actor.js';
import { withSystemTransaction } from '../src/platform/db/transaction.js';
import { type BenchDatabase, freshPglite, freshPostgres } from './bench-database.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const CASES = option('cases', 10_000);

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

  const importOnce = async () => {
    const started = performance.now();
    const checked = await checkHistoryFile(db, actor, { filename: 'history.csv', data: file }, new Date());
    const validated = performance.now();
    const job = await withSystemTransaction(db, actor, (ctx) =>
      createHistoryImport(ctx, { filename: 'history.csv', dryRun: false, checked }),
    );
    await runHistoryImport(bench.database.db, actor, job.id, checked.prepared);
    const written = performance.now();
    return { checked, validateMs: validated - started, writeMs: written - validated };
  };

  const first = await importOnce();
  if (first.checked.problems.length > 0) throw new Error(JSON.stringify(first.checked.problems.slice(0, 5)));
  const second = await importOnce();
  const report = await getAnnualReport(db, actor, 2024, new Date());
  const ok = report.avrr.departed === expectedDeparted && report.airport.departures === expectedDeparted;
  console.log(
    `${label.padEnd(10)} ${CASES} cases: read and validate ${(first.validateMs / 1000).toFixed(1)} s, ` +
      `write ${(first.writeMs / 1000).toFixed(1)} s, total ${((first.validateMs + first.writeMs) / 1000).toFixed(1)} s ` +
      `(${Math.round(CASES / ((first.validateMs + first.writeMs) / 1000))} cases/s); ` +
      `second import of the same file ${((second.validateMs + second.writeMs) / 1000).toFixed(1)} s, ` +
      `${second.checked.existing} existing; 2024 departures ${report.avrr.departed} (file: ${expectedDeparted}) ${ok ? 'ok' : 'MISMATCH'}`,
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
  `history import: ${CASES} cases, ${rows.length} persons, file ${(file.length / 1024 / 1024).toFixed(1)} MiB (CSV), batches of 250 cases; node ${process.version}`,
);

const pglite = await freshPglite();
try {
  await measure('PGlite', pglite, file, expectedDeparted);
} finally {
  await pglite.dispose();
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const postgres = await freshPostgres(serverUrl);
  try {
    await measure('PostgreSQL', postgres, file, expectedDeparted);
  } finally {
    await postgres.dispose();
  }
}
