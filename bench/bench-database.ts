import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';

/** The database the benchmark creates on the server, dropped and made again on every run. */
export const BENCH_DATABASE_NAME = 'passage_bench';

/** A fresh, migrated database for one benchmark run, and how to get rid of it afterwards. */
export interface BenchDatabase {
  database: Database;
  /** Where it lives, for the report (never the password). */
  location: string;
  dispose(): Promise<void>;
}

/** A new PGlite database in a temporary directory (on disk, as `npm start` uses it). */
export async function freshPglite(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passage-bench-'));
  const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
  await migrateDatabase(database);
  return {
    database,
    location: dir,
    async dispose() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new database named passage_bench on the server of `serverUrl`: dropped if it exists and created
 * again, so each run starts empty. The database named in the URL is only used to run those two
 * statements; the benchmark never writes to it.
 */
export async function freshPostgres(serverUrl: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE_NAME}`;
  const database = await openPostgres(url.toString());
  await migrateDatabase(database);
  url.password = '';
  return {
    database,
    location: url.toString(),
    async dispose() {
      await database.close();
    },
  };
}
