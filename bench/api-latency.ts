// API latency benchmark: loads a large caseload into a fresh database, starts the real application
// and measures the pages caseworkers use most. Not a test: it prints figures and writes them to
// bench/results/. See bench/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { type BenchDatabase, freshPglite, freshPostgres } from './bench-database.js';
import { loadFixtures } from './load-fixtures.js';
import { format, measureApi, type ScenarioResult } from './measure-api.js';

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

const settings = {
  count: Number(process.env.BENCH_CASES ?? 100_000),
  requests: Number(process.env.BENCH_REQUESTS ?? 200),
  warmup: Number(process.env.BENCH_WARMUP ?? 20),
  serverUrl: process.env.BENCH_DATABASE_URL?.trim() || null,
  only: process.env.BENCH_ONLY?.trim() || null,
};

interface RunReport {
  database: 'pglite' | 'postgresql';
  location: string;
  persons: number;
  cases: number;
  caseEvents: number;
  loadSeconds: number;
  requestsPerScenario: number;
  scenarios: ScenarioResult[];
}

async function runOn(kind: 'pglite' | 'postgresql', open: () => Promise<BenchDatabase>): Promise<RunReport> {
  console.log(`\n== ${kind}: fresh database, ${settings.count.toLocaleString('en')} persons and cases`);
  const bench = await open();
  try {
    const fixtures = await loadFixtures(bench.database, { count: settings.count, log: console.log });
    console.log(
      `  fixtures loaded in ${fixtures.seconds} s (${fixtures.events.toLocaleString('en')} timeline events)`,
    );
    const config = {
      ...loadConfig({
        DATA_DIR: path.join(os.tmpdir(), 'passage-bench-data'),
        LOG_LEVEL: 'silent',
        // One user sends every request: the per-user limit would stop the measurement.
        RATE_LIMIT_PER_MINUTE: '0',
      }),
      demo: false,
    };
    const app = await buildApp({ config, database: bench.database, logger: false });
    await app.ready();
    try {
      console.log(
        `  measuring ${settings.requests} requests per scenario (after ${settings.warmup} warm-up)`,
      );
      const scenarios = await measureApi(app, fixtures, {
        requests: settings.requests,
        warmup: settings.warmup,
        log: console.log,
      });
      return {
        database: kind,
        location: bench.location,
        persons: fixtures.persons,
        cases: fixtures.cases,
        caseEvents: fixtures.events,
        loadSeconds: fixtures.seconds,
        requestsPerScenario: settings.requests,
        scenarios,
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

function printTable(reports: RunReport[]): void {
  const names = reports[0]?.scenarios.map((scenario) => scenario.name) ?? [];
  const header = [
    'scenario'.padEnd(38),
    ...reports.map((r) => `${r.database} p50 / p95 (ms)`.padStart(30)),
  ].join(' ');
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const name of names) {
    const cells = reports.map((report) => {
      const result = report.scenarios.find((scenario) => scenario.name === name);
      return result ? `${format(result.p50)} / ${format(result.p95)}`.padStart(30) : ''.padStart(30);
    });
    console.log([name.padEnd(38), ...cells].join(' '));
  }
  for (const report of reports) {
    console.log(
      `\n${report.database}: ${report.cases.toLocaleString('en')} cases loaded in ${report.loadSeconds} s`,
    );
  }
}

async function main(): Promise<void> {
  registerEventSubscribers();
  const reports: RunReport[] = [];
  if (!settings.only || settings.only === 'pglite') reports.push(await runOn('pglite', freshPglite));
  if (settings.serverUrl && (!settings.only || settings.only === 'postgresql')) {
    const url = settings.serverUrl;
    reports.push(await runOn('postgresql', () => freshPostgres(url)));
  }
  if (reports.length === 0) throw new Error('Nothing to run: check BENCH_ONLY and BENCH_DATABASE_URL');
  printTable(reports);
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `api-latency-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
  };
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, runs: reports }, null, 2)}\n`,
  );
  console.log(`\nFigures written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
