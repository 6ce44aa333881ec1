/**
 * Crash test: the server is killed with SIGKILL during a stream of writes on PostgreSQL, three
 * times. Every write the server acknowledged (201 with an id) must be in the database after the
 * restart; every write left without an answer is retried with the same Idempotency-Key and must
 * then exist exactly once.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/crash-writes.ts [--runs 3]
 *
 * The server runs from the sources (tsx) on 127.0.0.1 with a database of its own (passage_crash,
 * dropped and made again), the demo users and no demo caseload; no webhook is registered, so
 * nothing is delivered outside the machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findFreePort } from '../e2e/support/passage-server.js';
import { DEMO_PASSWORD, demoEmail } from '../src/modules/demo/demo-organisation.js';
import { printableUrl, recreateDatabase } from './bench-database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const runs = Number(readFlag('--runs') ?? 3);
const writers = 4;

function readFlag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Server {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
}

async function startServer(databaseUrl: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PASSAGE_DEMO: '1',
      PASSAGE_DEMO_CASES: '0',
      PASSAGE_DEMO_MFA: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, child, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in time:\n${output}`);
}

async function logIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('counsellor'), password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('login set no cookie');
  return cookie.split(';')[0] as string;
}

interface Write {
  key: string;
  familyName: string;
  acknowledgedId: string | null;
}

function personBody(familyName: string) {
  return {
    givenName: 'Crash',
    familyName,
    sex: 'female',
    dateOfBirthPrecision: 'year',
    dateOfBirth: '1990-01-01',
  };
}

async function create(baseUrl: string, cookie: string, write: Write): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/persons`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie,
      origin: baseUrl,
      'idempotency-key': write.key,
    },
    body: JSON.stringify(personBody(write.familyName)),
  });
}

/** Writers post persons until the server dies; answers which writes were acknowledged. */
async function streamWrites(
  baseUrl: string,
  cookie: string,
  run: number,
  stop: { now: boolean },
): Promise<Write[]> {
  const writes: Write[] = [];
  const writer = async (w: number) => {
    for (let i = 0; !stop.now; i++) {
      const write: Write = {
        key: randomUUID(),
        familyName: `Crashrun${run}w${w}n${i}`,
        acknowledgedId: null,
      };
      writes.push(write);
      try {
        const response = await create(baseUrl, cookie, write);
        if (response.status === 201)
          write.acknowledgedId = ((await response.json()) as { person: { id: string } }).person.id;
        else if (response.status >= 500) return;
        else throw new Error(`unexpected ${response.status}: ${await response.text()}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
        return; // Connection reset: the server is gone.
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return writes;
}

async function countByName(client: pg.Client, names: string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ family_name: string; n: string }>(
    'select family_name, count(*)::text as n from persons where family_name = any($1) group by family_name',
    [names],
  );
  return new Map(rows.map((row) => [row.family_name, Number(row.n)]));
}

async function main() {
  const databaseUrl = await recreateDatabase(serverUrl, 'passage_crash');
  console.log(`crash test on ${printableUrl(databaseUrl)}: ${runs} runs, ${writers} writers`);
  const client = new pg.Client({ connectionString: databaseUrl });
  const port = await findFreePort();
  const totals = { acknowledged: 0, lost: 0, unanswered: 0, committedUnanswered: 0, duplicatesAfterRetry: 0 };
  let server = await startServer(databaseUrl, port);
  await client.connect();
  for (let run = 1; run <= runs; run++) {
    const cookie = await logIn(server.baseUrl);
    const stop = { now: false };
    const streaming = streamWrites(server.baseUrl, cookie, run, stop);
    // Kill somewhere between 1.5 and 4 s into the stream, mid-request for some writers.
    await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 2500));
    server.child.kill('SIGKILL');
    stop.now = true;
    const writes = await streaming;
    if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit');

    const acknowledged = writes.filter((w) => w.acknowledgedId !== null);
    const unanswered = writes.filter((w) => w.acknowledgedId === null);
    const found = await client.query<{ id: string }>('select id from persons where id = any($1)', [
      acknowledged.map((w) => w.acknowledgedId),
    ]);
    const lost = acknowledged.length - found.rowCount!;
    const beforeRetry = await countByName(
      client,
      unanswered.map((w) => w.familyName),
    );
    const committedUnanswered = [...beforeRetry.values()].filter((n) => n > 0).length;

    // Restart and retry every write that got no answer, with the same key and body.
    server = await startServer(databaseUrl, port);
    const retryCookie = await logIn(server.baseUrl);
    let refusedAsDone = 0;
    for (const write of unanswered) {
      const response = await create(server.baseUrl, retryCookie, write);
      // 201: it had not committed and is made now; 409: it had committed before the answer was lost,
      // and the key refuses to make it twice.
      if (response.status === 409) refusedAsDone++;
      else if (response.status !== 201 && response.status !== 200)
        throw new Error(`retry answered ${response.status}: ${await response.text()}`);
    }
    const afterRetry = await countByName(
      client,
      unanswered.map((w) => w.familyName),
    );
    const duplicates = unanswered.filter((w) => (afterRetry.get(w.familyName) ?? 0) !== 1).length;
    console.log(
      `run ${run}: ${writes.length} writes sent, ${acknowledged.length} acknowledged, ${lost} of them lost; ` +
        `${unanswered.length} unanswered, ${committedUnanswered} of them committed; ` +
        `after retrying with the same key (${refusedAsDone} answered 409 as already done): ${duplicates} not exactly once`,
    );
    totals.acknowledged += acknowledged.length;
    totals.lost += lost;
    totals.unanswered += unanswered.length;
    totals.committedUnanswered += committedUnanswered;
    totals.duplicatesAfterRetry += duplicates;
  }
  server.child.kill('SIGTERM');
  await client.end();
  console.log(
    `total: ${totals.acknowledged} acknowledged writes, ${totals.lost} lost; ${totals.unanswered} unanswered ` +
      `(${totals.committedUnanswered} committed), ${totals.duplicatesAfterRetry} not exactly once after the retry`,
  );
  if (totals.lost > 0 || totals.duplicatesAfterRetry > 0) process.exitCode = 1;
}

await main();
