// Fixture data for the benchmark: a mission with offices and users, and a large caseload.
//
// The caseload is written with raw bulk INSERTs (Drizzle, 1,000 rows a statement), not through the
// services: it is the stage the measurements run on, not the thing measured, and the services
// would take many minutes for 100,000 cases. The rows are shaped as the services shape them (the
// search columns come from the persons module's own normalisation, references and counters follow
// createCase's format, every case has its timeline), so the API reads them as real data.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  caseEvents,
  caseGroupMembers,
  caseGroups,
  cases,
  type VulnerabilityCategory,
} from '../src/modules/cases/schema.js';
import {
  demoNationalities,
  nationalityWeights,
  transliterationVariants,
} from '../src/modules/demo/demo-names.js';
import { type SeededRandom, seededRandom } from '../src/modules/demo/seeded-random.js';
import { createMission, createUser } from '../src/modules/organisation/create-mission.js';
import { missionCounters, type OfficeKind } from '../src/modules/organisation/schema.js';
import { computeNameColumns } from '../src/modules/persons/name-normalisation.js';
import { personDocuments, persons } from '../src/modules/persons/schema.js';
import { type Database, selectRows } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';

const BATCH = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const OFFICES: { name: string; kind: OfficeKind; country: string; city: string; weight: number }[] = [
  { name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague', weight: 30 },
  {
    name: 'Ter Apel reception centre',
    kind: 'reception_centre',
    country: 'NL',
    city: 'Ter Apel',
    weight: 30,
  },
  { name: 'Budel reception centre', kind: 'reception_centre', country: 'NL', city: 'Budel', weight: 20 },
  {
    name: 'Rotterdam detention centre',
    kind: 'detention_centre',
    country: 'NL',
    city: 'Rotterdam',
    weight: 15,
  },
  { name: 'Schiphol airport desk', kind: 'airport_desk', country: 'NL', city: 'Amsterdam', weight: 5 },
  { name: 'Erbil office', kind: 'origin_office', country: 'IQ', city: 'Erbil', weight: 0 },
  { name: 'Lagos office', kind: 'origin_office', country: 'NG', city: 'Lagos', weight: 0 },
];

// The share of each status in a mature caseload: most cases are finished or far along.
const STATUS_WEIGHTS = {
  registered: 4,
  counselling: 7,
  application_submitted: 4,
  eligible: 3,
  ineligible: 4,
  travel_documents: 6,
  travel_booked: 3,
  departed: 1,
  arrived: 2,
  reintegration: 8,
  monitoring: 10,
  closed: 40,
  withdrawn: 6,
  on_hold: 2,
};
const MAIN_LINE: [transition: string, to: string][] = [
  ['start_counselling', 'counselling'],
  ['submit_application', 'application_submitted'],
  ['decide_eligible', 'eligible'],
  ['request_travel_documents', 'travel_documents'],
  ['book_travel', 'travel_booked'],
  ['mark_departed', 'departed'],
  ['confirm_arrival', 'arrived'],
  ['start_reintegration', 'reintegration'],
  ['start_monitoring', 'monitoring'],
  ['close', 'closed'],
];

export interface Fixtures {
  missionId: string;
  offices: { id: string; name: string }[];
  manager: { id: string };
  /** A counsellor at The Hague office, who creates the cases in the creation scenario. */
  counsellor: { id: string; officeId: string };
  caseIds: string[];
  /** Names to search for: spellings as stored, transliteration variants, partial and native-script names. */
  searchTerms: string[];
  persons: number;
  cases: number;
  events: number;
  seconds: number;
}

/** Creates the mission and loads `count` persons and cases (one person a case). */
export async function loadFixtures(
  database: Database,
  options: { count: number; log: (line: string) => void },
): Promise<Fixtures> {
  const started = performance.now();
  const db = database.db;
  const rng = seededRandom(424_242);
  const now = Date.now();
  const { missionId, offices } = await createMission(db, {
    code: 'BENCH',
    name: 'Benchmark mission',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices: OFFICES.map(({ weight: _weight, ...office }) => office),
  });
  const officeId = (name: string) => offices.find((office) => office.name === name)!.id;
  const manager = await createUser(db, {
    missionId,
    email: 'manager@bench.passage.local',
    displayName: 'Bench manager',
    passwordHash: null,
    roles: [{ role: 'manager', officeId: null }],
  });
  const counsellors: { id: string; officeId: string }[] = [];
  for (const [index, office] of OFFICES.filter((o) => o.weight > 0).entries()) {
    for (let n = 0; n < 4; n++) {
      const { id } = await createUser(db, {
        missionId,
        email: `counsellor${index}-${n}@bench.passage.local`,
        displayName: `Counsellor ${index}-${n}`,
        passwordHash: null,
        roles: [{ role: 'counsellor', officeId: officeId(office.name) }],
      });
      counsellors.push({ id, officeId: officeId(office.name) });
    }
  }
  const officeWeights = Object.fromEntries(OFFICES.map((office) => [office.name, office.weight]));

  const deferred = await dropSecondaryIndexes(database, LOADED_TABLES);
  const caseIds: string[] = [];
  const searchTerms = new Set<string>();
  const counters = new Map<number, number>();
  let events = 0;
  for (let start = 0; start < options.count; start += BATCH) {
    const size = Math.min(BATCH, options.count - start);
    const personRows: (typeof persons.$inferInsert)[] = [];
    const documentRows: (typeof personDocuments.$inferInsert)[] = [];
    const groupRows: (typeof caseGroups.$inferInsert)[] = [];
    const memberRows: (typeof caseGroupMembers.$inferInsert)[] = [];
    const caseRows: (typeof cases.$inferInsert)[] = [];
    const eventRows: (typeof caseEvents.$inferInsert)[] = [];
    for (let i = 0; i < size; i++) {
      const createdAt = new Date(now - rng.next() * 3 * 365 * DAY_MS);
      const person = fixturePerson(rng, missionId, createdAt);
      personRows.push(person.row);
      if (searchTerms.size < 400 && rng.chance(0.02))
        for (const term of person.searchTerms) searchTerms.add(term);
      if (rng.chance(0.5)) {
        documentRows.push({
          missionId,
          id: newId(),
          personId: person.row.id,
          kind: 'passport',
          number: `P${rng.digits(8)}`,
          issuingCountry: person.row.nationalities![0]!,
          validFrom: isoDate(createdAt.getTime() - rng.int(0, 3000) * DAY_MS),
          validUntil: isoDate(createdAt.getTime() + rng.int(-300, 3000) * DAY_MS),
          createdAt,
        });
      }
      const office = rng.weighted(officeWeights);
      const assignee = rng.pick(counsellors.filter((c) => c.officeId === officeId(office)));
      const caseGroupId = newId();
      const caseId = newId();
      caseIds.push(caseId);
      groupRows.push({ missionId, id: caseGroupId, createdAt });
      memberRows.push({ missionId, caseGroupId, personId: person.row.id, role: 'principal', position: 0 });
      const year = createdAt.getUTCFullYear();
      const sequence = (counters.get(year) ?? 0) + 1;
      counters.set(year, sequence);
      const timeline = fixtureTimeline(rng, createdAt, now);
      caseRows.push({
        missionId,
        id: caseId,
        reference: `AVRR-${year}-${String(sequence).padStart(6, '0')}`,
        programme: 'avrr',
        status: timeline.status,
        previousStatus: timeline.previousStatus,
        caseGroupId,
        officeId: officeId(office),
        assigneeId: assignee.id,
        referralSource: rng.pick(['return_service', 'reception_agency', 'police', 'ngo', 'self']),
        vulnerabilities: fixtureVulnerabilities(rng),
        fundingProject: rng.chance(0.8) ? 'REAN 2025-2026' : null,
        version: timeline.steps.length + 1,
        createdBy: assignee.id,
        createdAt,
        updatedAt: timeline.updatedAt,
        statusChangedAt: timeline.updatedAt,
      });
      eventRows.push({
        missionId,
        id: newId(),
        caseId,
        occurredAt: createdAt,
        recordedAt: createdAt,
        kind: 'case_created',
        actorId: assignee.id,
        data: { status: 'registered', personIds: [person.row.id] },
      });
      for (const step of timeline.steps) {
        eventRows.push({
          missionId,
          id: newId(),
          caseId,
          occurredAt: step.at,
          recordedAt: step.at,
          kind: 'status_changed',
          actorId: assignee.id,
          data: {
            transition: step.transition,
            from: step.from,
            to: step.to,
            ...(step.reason ? { reason: step.reason } : {}),
          },
        });
      }
    }
    await insertAll(database, persons, personRows);
    await insertAll(database, personDocuments, documentRows);
    await insertAll(database, caseGroups, groupRows);
    await insertAll(database, caseGroupMembers, memberRows);
    await insertAll(database, cases, caseRows);
    await insertAll(database, caseEvents, eventRows);
    events += eventRows.length;
    const done = start + size;
    // Statistics as the load goes, as autovacuum keeps them on a server (PGlite has no autovacuum):
    // the summary triggers on these tables plan their joins from them, and plans made while the
    // tables looked empty scan them whole on every statement.
    if (done === BATCH || done % 10_000 === 0) {
      await db.execute(sql.raw(`analyze ${LOADED_TABLES.join(', ')}`));
    }
    if (done % 10_000 === 0 || done === options.count) {
      options.log(`  loaded ${done.toLocaleString('en')} persons and cases (${seconds(started)} s)`);
    }
  }
  // createCase numbers references from these counters: set them past the loaded cases.
  for (const [year, value] of counters) {
    await db.insert(missionCounters).values({ missionId, name: `case:avrr:${year}`, value });
  }
  options.log(`  building ${deferred.length} indexes (${seconds(started)} s)`);
  for (const statement of deferred) await db.execute(sql.raw(statement));
  // Fresh statistics, as autovacuum would gather them on a server that has been running a while.
  await db.execute(sql`analyze`);
  return {
    missionId,
    offices,
    manager,
    counsellor: counsellors[0]!,
    caseIds,
    searchTerms: [...searchTerms],
    persons: options.count,
    cases: options.count,
    events,
    seconds: Number(seconds(started)),
  };
}

const LOADED_TABLES = [
  'persons',
  'person_documents',
  'case_groups',
  'case_group_members',
  'cases',
  'case_events',
];

/**
 * Drops the indexes of the tables about to be loaded that back no constraint, and returns the
 * statements that build them again exactly as the migrations made them. Building an index once over
 * sorted data is much faster than updating it row by row; on PGlite, whose small buffer cache makes
 * every random index page a file read, it turns a load of an hour into minutes.
 */
async function dropSecondaryIndexes(database: Database, tables: string[]): Promise<string[]> {
  const rows = await selectRows<{ name: string; definition: string }>(
    database.db,
    sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i join pg_class t on t.oid = i.indrelid
        where t.relname in (${sql.join(
          tables.map((table) => sql`${table}`),
          sql`, `,
        )}) and t.relnamespace = 'public'::regnamespace
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const row of rows) await database.db.execute(sql.raw(`drop index ${row.name}`));
  return rows.map((row) => row.definition);
}

async function insertAll<T extends PgTable>(database: Database, table: T, rows: T['$inferInsert'][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await database.db.insert(table).values(rows.slice(start, start + BATCH));
  }
}

function fixturePerson(rng: SeededRandom, missionId: string, createdAt: Date) {
  const nationality = rng.weighted(nationalityWeights);
  const names = demoNationalities.find((entry) => entry.country === nationality)!;
  const sex = rng.chance(0.7) ? 'male' : 'female';
  const pool = sex === 'male' ? names.male : names.female;
  const first = rng.pick(pool);
  // A second given name (often the father's name) on a quarter of the records makes the names varied.
  const second = rng.chance(0.25) ? rng.pick(names.male) : null;
  const family = rng.pick(names.family);
  const givenName = second ? `${first[0]} ${second[0]}` : first[0];
  const native = first[1] && family[1] && rng.chance(names.nativeShare);
  const variants = transliterationVariants[first[0]] ?? [];
  const aliases = variants.length > 0 && rng.chance(0.3) ? [`${rng.pick(variants)} ${family[0]}`] : [];
  const nameFields = {
    givenName,
    familyName: family[0],
    givenNameNative: native ? first[1]! : null,
    familyNameNative: native ? family[1]! : null,
    aliases,
  };
  const born = new Date(createdAt.getTime() - rng.int(16 * 365, 65 * 365) * DAY_MS);
  const row: typeof persons.$inferInsert = {
    missionId,
    id: newId(),
    ...nameFields,
    sex,
    dateOfBirth: isoDate(born.getTime()),
    dateOfBirthPrecision: rng.weighted({ exact: 70, month: 10, year: 12, estimated: 8 }),
    nationalities: [nationality],
    languages: [names.languages[0]!],
    preferredLanguage: names.languages[0]!,
    phone: rng.chance(0.7) ? `+316${rng.int(1, 5)}${rng.digits(7)}` : null,
    ...computeNameColumns(nameFields),
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
  const searchTerms = [
    `${first[0]} ${family[0]}`,
    family[0],
    ...(variants.length > 0 ? [`${rng.pick(variants)} ${family[0]}`] : []),
    first[0].slice(0, 4),
    ...(native ? [`${first[1]} ${family[1]}`] : []),
  ];
  return { row, searchTerms };
}

function fixtureVulnerabilities(rng: SeededRandom): VulnerabilityCategory[] {
  const roll = rng.next();
  if (roll < 0.02) return ['unaccompanied_minor'];
  if (roll < 0.05) return ['victim_of_trafficking'];
  if (roll < 0.12) return ['health_needs'];
  return [];
}

/** A path through the AVRR workflow to a status drawn from a mature caseload's mix, with its times. */
function fixtureTimeline(rng: SeededRandom, createdAt: Date, now: number) {
  const target = rng.weighted(STATUS_WEIGHTS);
  let transitions: { transition: string; to: string; reason?: string }[];
  const main = (count: number) => MAIN_LINE.slice(0, count).map(([transition, to]) => ({ transition, to }));
  if (target === 'ineligible') {
    transitions = [
      ...main(2),
      { transition: 'decide_ineligible', to: 'ineligible', reason: 'Earlier assisted return.' },
    ];
  } else if (target === 'withdrawn') {
    transitions = [
      ...main(rng.int(0, 5)),
      { transition: 'withdraw', to: 'withdrawn', reason: 'Client withdrew.' },
    ];
  } else if (target === 'on_hold') {
    transitions = [
      ...main(rng.int(0, 8)),
      { transition: 'put_on_hold', to: 'on_hold', reason: 'Client in hospital.' },
    ];
  } else {
    transitions = main(MAIN_LINE.findIndex(([, to]) => to === target) + 1);
  }
  const span = Math.min(now - createdAt.getTime(), rng.int(10, 400) * DAY_MS);
  let from = 'registered';
  const steps = transitions.map((step, index) => {
    const at = new Date(createdAt.getTime() + (span * (index + 1)) / (transitions.length + 1));
    const entry = { ...step, from, at };
    from = step.to;
    return entry;
  });
  const last = steps[steps.length - 1];
  return {
    status: from,
    previousStatus: from === 'on_hold' ? (last?.from ?? null) : null,
    steps,
    updatedAt: last?.at ?? createdAt,
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
