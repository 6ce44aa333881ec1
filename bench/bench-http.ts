// The real application over HTTP, for the benchmarks on a PostgreSQL server: started on 127.0.0.1
// only, signed-in sessions, timed GET requests and their percentiles, and the dashboard scenarios
// that bench/dashboard.ts and bench/annual-report.ts both measure.
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/sessions.js';
import type { Database } from '../src/platform/db/database.js';
import { LocalDiskStorage } from '../src/platform/storage/storage.js';

export interface BenchApp {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the application on `database` (whose URL is `databaseUrl`), listening on 127.0.0.1 on a free port. */
export async function startBenchApp(
  database: Database,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passage-bench-app-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      // One user sends every request: the per-user limit would stop the measurement.
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    }),
    demo: false,
  };
  const app = await buildApp({
    config,
    database,
    storage: new LocalDiskStorage(path.join(dataDir, 'documents')),
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    baseUrl,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A session cookie for the user, as signing in would give. */
export async function sessionCookie(database: Database, userId: string): Promise<string> {
  const token = await createSession(database.db, { userId, ip: null, userAgent: 'bench', now: new Date() });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * GETs a JSON answer with node:http and no time limit: fetch gives up when the headers take more
 * than 300 s, and a report on a large database may take long; that time is what is measured.
 */
export function getJson<T>(url: string, cookie: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie, accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if ((response.statusCode ?? 500) >= 400) {
          reject(new Error(`GET ${url} answered ${response.statusCode}: ${body.slice(0, 300)}`));
          return;
        }
        try {
          resolve(JSON.parse(body) as T);
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
  });
}

/** POSTs a JSON body and answers the JSON answer, with node:http and no time limit (as getJson). */
export function postJson<T>(url: string, cookie: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          cookie,
          accept: 'application/json',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 500) >= 400) {
            reject(new Error(`POST ${url} answered ${response.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The p-th percentile (0–100) of ascending times: the smallest time at least p% of the requests took no more than. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Measured<T> {
  /** The measured times in milliseconds, in the order the requests ran. */
  times: number[];
  p50: number;
  p95: number;
  max: number;
  /** The last answer. */
  body: T;
}

/** GETs `url` `warmup` times unmeasured, then `requests` times measured, one request after another. */
export async function measureGet<T>(
  url: string,
  cookie: string,
  options: { requests: number; warmup: number; each?: (ms: number, index: number) => void },
): Promise<Measured<T>> {
  let body: T | undefined;
  for (let i = 0; i < options.warmup; i++) body = await getJson<T>(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < options.requests; i++) {
    const start = performance.now();
    body = await getJson<T>(url, cookie);
    const ms = performance.now() - start;
    times.push(ms);
    options.each?.(ms, i);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    times,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1]!,
    body: body as T,
  };
}

/** Runs `fn`, prints how long it took, and adds the phase to `phases` when given. */
export async function timed<T>(
  label: string,
  fn: () => Promise<T>,
  phases?: { label: string; seconds: number }[],
): Promise<T> {
  const start = performance.now();
  const result = await fn();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  ${label}: ${seconds.toFixed(1)} s`);
  phases?.push({ label, seconds });
  return result;
}

export interface DashboardScenario {
  label: string;
  cookie: string;
  /** The query string, with its `?`, or empty. */
  query: string;
}

/**
 * The dashboard as a manager opens it (the last 12 weeks), for one office, over three years, and as
 * a counsellor sees their own office.
 */
export function dashboardScenarios(stage: {
  managerCookie: string;
  counsellorCookie: string;
  officeId: string;
}): DashboardScenario[] {
  const threeYearsAgo = new Date(Date.now() - 3 * 365 * 864e5).toISOString().slice(0, 10);
  return [
    { label: 'manager, whole mission, last 12 weeks', cookie: stage.managerCookie, query: '' },
    { label: 'manager, one office', cookie: stage.managerCookie, query: `?officeId=${stage.officeId}` },
    {
      label: 'manager, whole mission, three years',
      cookie: stage.managerCookie,
      query: `?from=${threeYearsAgo}`,
    },
    { label: 'counsellor, own office', cookie: stage.counsellorCookie, query: '' },
  ];
}

export interface DashboardFigures {
  label: string;
  p50: number;
  p95: number;
  open: number;
}

/** Measures GET /api/v1/dashboard for each scenario and prints p50/p95 a line. */
export async function measureDashboard(
  baseUrl: string,
  scenarios: DashboardScenario[],
  options: { requests: number; warmup: number },
): Promise<DashboardFigures[]> {
  console.log(
    `\nGET /api/v1/dashboard (ms, over HTTP, ${options.requests} requests after ${options.warmup} warm-up requests)`,
  );
  const figures: DashboardFigures[] = [];
  for (const { label, cookie, query } of scenarios) {
    const { p50, p95, body } = await measureGet<{ openCaseload: { total: number } }>(
      `${baseUrl}/api/v1/dashboard${query}`,
      cookie,
      options,
    );
    const open = body.openCaseload.total;
    console.log(
      `  ${label.padEnd(42)} p50 ${p50.toFixed(1).padStart(6)}  p95 ${p95.toFixed(1).padStart(6)}  (open cases ${open})`,
    );
    figures.push({ label, p50, p95, open });
  }
  return figures;
}
