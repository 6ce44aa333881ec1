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

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The URL without its password, for printing. */
export function printableUrl(url: string): string {
  const printable = new URL(url);
  printable.password = '';
  return printable.toString();
}

/** Runs statements on the database named in `serverUrl`, which is only used to manage the bench databases. */
async function onServer(serverUrl: string, statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Drops database `name` on the server (if it exists) and creates it empty; answers its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  return databaseUrlOn(serverUrl, name);
}

/** Drops database `name` on the server, if it exists. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, [`drop database if exists ${name} with (force)`]);
}

/**
 * A new database named passage_bench (or `options.name`) on the server of `serverUrl`: dropped if it
 * exists and created again, so each run starts empty; with `dropAfter` it is dropped again on
 * dispose. The database named in the URL is only used to run those statements; the benchmark never
 * writes to it.
 */
export async function freshPostgres(
  serverUrl: string,
  options: { name?: string; dropAfter?: boolean } = {},
): Promise<BenchDatabase> {
  const name = options.name ?? BENCH_DATABASE_NAME;
  const url = await recreateDatabase(serverUrl, name);
  const database = await openPostgres(url);
  await migrateDatabase(database);
  return {
    database,
    location: printableUrl(url),
    async dispose() {
      await database.close();
      if (options.dropAfter) await dropDatabase(serverUrl, name);
    },
  };
}
