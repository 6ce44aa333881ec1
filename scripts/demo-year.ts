// `npm run demo -- --year 2023 --scale 1 [--database-url URL] [--mission-code CODE]`: creates a new
// mission with a year of operations, through the domain services, in the database named by
// --database-url, else DATABASE_URL, else the embedded database in DATA_DIR (./data).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-organisation.js';
import { demoYearEmail } from '../src/modules/demo-year/create-demo-year-mission.js';
import { runDemoYear } from '../src/modules/demo-year/run-demo-year.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';

const { values } = parseArgs({
  options: {
    year: { type: 'string', default: '2023' },
    scale: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    'mission-code': { type: 'string' },
    seed: { type: 'string' },
  },
});

const year = Number(values.year);
const scale = Number(values.scale);
if (!Number.isInteger(year) || year < 2000 || year > 2100)
  throw new Error(`--year must be a year, not ${values.year}`);
if (!(scale > 0)) throw new Error(`--scale must be above 0, not ${values.scale}`);
const config = loadConfig();
const databaseUrl = values['database-url'] ?? config.databaseUrl;
const missionCode = values['mission-code'] ?? (scale === 1 ? `NL-${year}` : `NL-${year}-X${scale}`);

registerEventSubscribers();
const database = await openDatabase({ databaseUrl, dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  console.log(
    `Creating a demo year ${year} at scale ${scale} as mission ${missionCode} (database: ${database.kind})`,
  );
  const result = await runDemoYear(database, {
    year,
    scale,
    missionCode,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    log: (line) => console.log(line),
  });
  const { tally, milliseconds } = result;
  console.log(
    [
      `Done in ${(milliseconds.total / 1000).toFixed(1)} s (plan ${milliseconds.plan} ms, set-up ${milliseconds.setup} ms, cases ${(milliseconds.cases / 1000).toFixed(1)} s, movements ${(milliseconds.movements / 1000).toFixed(1)} s, outreach ${(milliseconds.outreach / 1000).toFixed(1)} s)`,
      `  ${tally.cases} cases, ${tally.persons} persons, ${tally.departedPersons} departed to ${tally.destinationCountries.size} countries`,
      `  ${tally.travelDocumentsIssued} travel documents from ${tally.travelDocumentCountries.size} embassies' countries`,
      `  grants: ${tally.economicGrants} economic, ${tally.medicalGrants} medical, ${tally.partnerNgoGrants} for partner NGOs`,
      `  airport: ${tally.airportDeparturePassengers} departures, ${tally.transitPassengers} transits, ${tally.arrivalPassengers} arrivals`,
      `Sign in as ${demoYearEmail(missionCode, 'manager')} (password ${DEMO_PASSWORD}) and open the annual report.`,
    ].join('\n'),
  );
} finally {
  await database.close();
}
