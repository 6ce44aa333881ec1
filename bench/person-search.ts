// Person search and the duplicate check at scale, with the ranking they give.
//
//   npm run bench:search -- --persons 1000000
//
// Loads N persons with heavy-tailed names (bench/person-names.ts) and the persons of the fixed
// ranking set (bench/person-search-ranking.json) into a database of its own on the PostgreSQL server
// of BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres by default; that database is
// only used to drop and create passage_bench_search). The rows are written with multi-row INSERTs
// over unnest() of arrays, every derived column computed by the persons module's own functions,
// then the secondary indexes are built and the tables ANALYZEd. The real application then answers
// over HTTP on 127.0.0.1: p50/p95 of search and of the duplicate check for common, misspelt and rare
// names, and the share of ranking queries whose person comes in the top 5. Figures go to
// bench/results/search-<N>.json. See bench/README.md.
import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { seededRandom } from '../src/modules/demo/seeded-random.js';
import { createMission, createUser } from '../src/modules/organisation/create-mission.js';
import { computeNameColumns } from '../src/modules/persons/name-normalisation.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { databaseUrlOn, dropDatabase, printableUrl, recreateDatabase } from './bench-database.js';
import { getJson, percentile, postJson, sessionCookie, startBenchApp, timed } from './bench-http.js';
import { populationPerson } from './person-names.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
function textOption(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

const PERSONS = option('persons', 100_000);
const REQUESTS = option('requests', 100);
const WARMUP = option('warmup', 10);
const KEEP = process.argv.includes('--keep');
// --reuse measures again on the database a --keep run left, without loading it (after a migration, say).
const REUSE = process.argv.includes('--reuse');
const LABEL = textOption('label');
// Another database name lets two runs (two checkouts, say) share the server.
const DATABASE_NAME = textOption('database') ?? 'passage_bench_search';
const BATCH = 5_000;
const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

interface RankingSet {
  persons: {
    key: string;
    givenName: string;
    familyName: string;
    sex: 'male' | 'female';
    dateOfBirth: string;
    nationalities: string[];
  }[];
  queries: { givenName: string; familyName: string; kind: string; person: string }[];
}

/** One row of persons as createPerson writes it, search columns from the module's own functions. */
interface PersonInsert {
  id: string;
  givenName: string;
  familyName: string;
  aliases: string[];
  sex: string;
  dateOfBirth: string;
  nationality: string;
  createdAt: Date;
}

const COLUMNS = `mission_id, id, given_name, family_name, aliases, sex, date_of_birth, date_of_birth_precision,
  nationalities, languages, name_key, name_skeleton, version, created_at, updated_at`;

/** Inserts rows with one statement: arrays of each column, unnested on the server. */
async function insertPersons(client: pg.Client, missionId: string, rows: PersonInsert[]): Promise<void> {
  const keys: string[] = [];
  const skeletons: string[] = [];
  for (const row of rows) {
    const aliases = [...new Set(row.aliases)];
    const { nameKey, nameSkeleton } = computeNameColumns({
      givenName: row.givenName,
      familyName: row.familyName,
      aliases,
    });
    keys.push(nameKey);
    skeletons.push(nameSkeleton);
  }
  await client.query(
    `insert into persons (${COLUMNS})
     select $1::uuid, id, given_name, family_name,
       coalesce(string_to_array(nullif(aliases, ''), '|'), array[]::text[]), sex, date_of_birth, 'exact',
       array[nationality], array[]::text[], name_key, name_skeleton, 1, created_at, created_at
     from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[],
       $9::text[], $10::text[], $11::timestamptz[])
       as t(id, given_name, family_name, aliases, sex, date_of_birth, nationality, name_key, name_skeleton, created_at)`,
    [
      missionId,
      rows.map((row) => row.id),
      rows.map((row) => row.givenName),
      rows.map((row) => row.familyName),
      rows.map((row) => [...new Set(row.aliases)].join('|')),
      rows.map((row) => row.sex),
      rows.map((row) => row.dateOfBirth),
      rows.map((row) => row.nationality),
      keys,
      skeletons,
      rows.map((row) => row.createdAt.toISOString()),
    ],
  );
}

/** Loads the population and the ranking set's persons; answers the ids of the latter by key. */
async function loadPersons(
  client: pg.Client,
  missionId: string,
  ranking: RankingSet,
): Promise<Map<string, string>> {
  const rng = seededRandom(7_777);
  const targetIds = new Map<string, string>();
  // The ranking persons are spread through the load, so their ids (time-ordered) are not the newest.
  const targetAt = new Map<number, RankingSet['persons'][number]>();
  for (const [index, person] of ranking.persons.entries()) {
    targetAt.set(Math.floor(((index + 0.5) * PERSONS) / ranking.persons.length), person);
  }
  const indexes = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relname = 'persons' and t.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const row of indexes.rows) await client.query(`drop index ${row.name}`);
  const started = performance.now();
  const now = Date.now();
  let batch: PersonInsert[] = [];
  for (let i = 0; i < PERSONS; i++) {
    const createdAt = new Date(now - (PERSONS - i) * 60_000);
    const target = targetAt.get(i);
    if (target) {
      const id = newId();
      targetIds.set(target.key, id);
      batch.push({
        id,
        givenName: target.givenName,
        familyName: target.familyName,
        aliases: [],
        sex: target.sex,
        dateOfBirth: target.dateOfBirth,
        nationality: target.nationalities[0]!,
        createdAt,
      });
    } else {
      batch.push({ id: newId(), ...populationPerson(rng), createdAt });
    }
    if (batch.length === BATCH || i === PERSONS - 1) {
      await insertPersons(client, missionId, batch);
      batch = [];
      if ((i + 1) % 100_000 === 0 || i === PERSONS - 1) {
        console.log(
          `  loaded ${(i + 1).toLocaleString('en')} persons (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
  }
  for (const row of indexes.rows) {
    await timed(`index ${row.name}`, () => client.query(row.definition));
  }
  await timed('analyze', () => client.query('analyze'));
  return targetIds;
}

interface ScenarioFigures {
  scenario: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

/** Runs `request` over the inputs in turn: `warmup` unmeasured, then `requests` measured. */
async function measure<I>(
  scenario: string,
  inputs: readonly I[],
  request: (input: I) => Promise<unknown>,
): Promise<ScenarioFigures> {
  for (let i = 0; i < WARMUP; i++) await request(inputs[i % inputs.length]!);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await request(inputs[i % inputs.length]!);
    times.push(performance.now() - start);
  }
  const sorted = times.sort((a, b) => a - b);
  const figures = {
    scenario,
    requests: REQUESTS,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]!),
  };
  console.log(
    `  ${scenario.padEnd(44)} p50 ${figures.p50.toFixed(1).padStart(7)}  p95 ${figures.p95.toFixed(1).padStart(7)}  max ${figures.max.toFixed(1).padStart(7)} ms`,
  );
  return figures;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

// What caseworkers type most: the head of the distribution, whole and in part.
const COMMON = [
  'Mohamed',
  'Mohammed Ali',
  'Ahmed Karimi',
  'Ali Hassan',
  'Fatima Ahmed',
  'Muhammad',
  'Hussein Ali',
];
const MISSPELT = [
  'Muhamad Alii',
  'Fatma Karimy',
  'Ahmd Hasan',
  'Mohamd Hussien',
  'Ibrahem Osmaan',
  'Yusef Mahmod',
];

async function main(): Promise<void> {
  registerEventSubscribers();
  const ranking = JSON.parse(
    await readFile(path.join(here, 'person-search-ranking.json'), 'utf8'),
  ) as RankingSet;
  const url = REUSE
    ? databaseUrlOn(serverUrl, DATABASE_NAME)
    : await recreateDatabase(serverUrl, DATABASE_NAME);
  console.log(`== person search on ${printableUrl(url)}, ${PERSONS.toLocaleString('en')} persons`);
  const database = await openPostgres(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const phases: { label: string; seconds: number }[] = [];
  let missionId: string;
  let counsellorId: string;
  let targetIds: Map<string, string>;
  try {
    await timed('migrations', () => migrateDatabase(database), phases);
    if (REUSE) {
      missionId = (await client.query(`select id from missions where code = 'SEARCH'`)).rows[0].id;
      counsellorId = (await client.query(`select id from users where email = 'counsellor@search.bench'`))
        .rows[0].id;
      const stored = await client.query<{ key: string; id: string }>(
        'select key, id from bench_ranking_persons',
      );
      targetIds = new Map(stored.rows.map((row) => [row.key, row.id]));
      await timed('analyze', () => client.query('analyze'), phases);
    } else {
      const mission = await createMission(database.db, {
        code: 'SEARCH',
        name: 'Search benchmark mission',
        country: 'NL',
        timeZone: 'Europe/Amsterdam',
        currency: 'EUR',
        languages: ['en'],
        offices: [{ name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague' }],
      });
      missionId = mission.missionId;
      counsellorId = (
        await createUser(database.db, {
          missionId,
          email: 'counsellor@search.bench',
          displayName: 'Search counsellor',
          passwordHash: null,
          roles: [{ role: 'counsellor', officeId: mission.offices[0]!.id }],
        })
      ).id;
      targetIds = await timed('load', () => loadPersons(client, missionId, ranking), phases);
      await client.query('create table bench_ranking_persons (key text primary key, id uuid not null)');
      for (const [key, id] of targetIds) {
        await client.query('insert into bench_ranking_persons values ($1, $2)', [key, id]);
      }
    }
    const stats = await client.query<{ persons: string; mhmd: string }>(
      `select count(*) as persons, count(*) filter (where name_skeleton like '%mhmd%') as mhmd from persons`,
    );
    console.log(
      `  ${Number(stats.rows[0]!.persons).toLocaleString('en')} persons, ${Number(stats.rows[0]!.mhmd).toLocaleString('en')} with a skeleton holding mhmd`,
    );

    const bench = await startBenchApp(database, url, { RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const cookie = await sessionCookie(database, counsellorId);
      const search = (q: string) =>
        getJson<{ items: { person: { id: string } }[] }>(
          `${bench.baseUrl}/api/v1/persons/search?q=${encodeURIComponent(q)}`,
          cookie,
        );
      const duplicates = (body: object) =>
        postJson<{ candidates: { person: { id: string } }[] }>(
          `${bench.baseUrl}/api/v1/persons/duplicates`,
          cookie,
          body,
        );
      const rare = ranking.persons.map((person) => `${person.givenName} ${person.familyName}`);
      const registration = (given: string, family: string, dateOfBirth: string, nationality: string) => ({
        givenName: given,
        familyName: family,
        sex: 'male',
        dateOfBirth,
        dateOfBirthPrecision: 'exact',
        nationalities: [nationality],
      });
      const splitName = (name: string) => {
        const words = name.split(' ');
        return { given: words.slice(0, -1).join(' ') || words[0]!, family: words[words.length - 1]! };
      };
      const registrations = (names: string[]) =>
        names.map((name, i) => {
          const { given, family } = splitName(name);
          return registration(given, family, `19${60 + ((i * 7) % 40)}-0${1 + (i % 9)}-1${i % 10}`, 'IQ');
        });

      console.log(`\n  ${REQUESTS} requests a scenario after ${WARMUP} warm-up, one at a time, over HTTP`);
      const scenarios: ScenarioFigures[] = [];
      scenarios.push(await measure('search, common names', COMMON, search));
      scenarios.push(await measure('search, misspelt names', MISSPELT, search));
      scenarios.push(await measure('search, rare names', rare, search));
      scenarios.push(
        await measure(
          'duplicate check, common names',
          registrations(COMMON.filter((n) => n.includes(' '))),
          duplicates,
        ),
      );
      scenarios.push(await measure('duplicate check, misspelt names', registrations(MISSPELT), duplicates));
      scenarios.push(
        await measure(
          'duplicate check, rare names',
          ranking.persons.map((p) =>
            registration(p.givenName, p.familyName, p.dateOfBirth, p.nationalities[0]!),
          ),
          duplicates,
        ),
      );

      console.log(
        `\n  ranking: ${ranking.queries.length} queries, each with the person it must find in the top 5`,
      );
      const byKind = new Map<string, { total: number; search: number; duplicates: number }>();
      const misses: string[] = [];
      for (const query of ranking.queries) {
        const person = ranking.persons.find((p) => p.key === query.person)!;
        const id = targetIds.get(query.person)!;
        const found = (await search(`${query.givenName} ${query.familyName}`)).items
          .slice(0, 5)
          .some((item) => item.person.id === id);
        const warned = (
          await duplicates({
            ...registration(query.givenName, query.familyName, person.dateOfBirth, person.nationalities[0]!),
            sex: person.sex,
          })
        ).candidates
          .slice(0, 5)
          .some((candidate) => candidate.person.id === id);
        const tally = byKind.get(query.kind) ?? { total: 0, search: 0, duplicates: 0 };
        tally.total++;
        if (found) tally.search++;
        else misses.push(`${query.givenName} ${query.familyName} (${query.kind})`);
        if (warned) tally.duplicates++;
        byKind.set(query.kind, tally);
      }
      const all = [...byKind.values()].reduce(
        (sum, t) => ({
          total: sum.total + t.total,
          search: sum.search + t.search,
          duplicates: sum.duplicates + t.duplicates,
        }),
        { total: 0, search: 0, duplicates: 0 },
      );
      const share = (n: number, of: number) => Math.round((1000 * n) / of) / 10;
      for (const [kind, t] of [...byKind, ['all', all] as const]) {
        console.log(
          `  ${String(kind).padEnd(30)} search top 5 ${String(share(t.search, t.total)).padStart(5)} %  duplicate check top 5 ${String(share(t.duplicates, t.total)).padStart(5)} %  (${t.total} queries)`,
        );
      }
      if (misses.length > 0) console.log(`  not in the search top 5: ${misses.slice(0, 30).join('; ')}`);

      await mkdir(path.join(here, 'results'), { recursive: true });
      const file = path.join(here, 'results', `search-${PERSONS}${LABEL ? `-${LABEL}` : ''}.json`);
      const report = {
        at: new Date().toISOString(),
        commit: gitCommit(),
        label: LABEL,
        persons: Number(stats.rows[0]!.persons),
        machine: { node: process.version, cpus: os.cpus().length, load: os.loadavg() },
        phases,
        scenarios,
        ranking: {
          queries: all.total,
          searchTop5: share(all.search, all.total),
          duplicatesTop5: share(all.duplicates, all.total),
          byKind: Object.fromEntries(
            [...byKind].map(([kind, t]) => [
              kind,
              {
                queries: t.total,
                searchTop5: share(t.search, t.total),
                duplicatesTop5: share(t.duplicates, t.total),
              },
            ]),
          ),
          searchMisses: misses,
        },
      };
      await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`\nFigures written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await bench.close();
    }
  } finally {
    await client.end();
    await database.close();
  }
  if (!KEEP) await dropDatabase(serverUrl, DATABASE_NAME);
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: here, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
