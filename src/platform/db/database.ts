import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { pgliteExtensions } from './extensions.js';

// biome-ignore lint/complexity/noBannedTypes: Passage uses the query builder, not relational queries.
type NoSchema = {};
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
/** A transaction handle: services receive this and never open their own connection. */
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Either a database or a transaction: read helpers accept both. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** The underlying PGlite instance, when embedded (for dump and clone in tests). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

/** Opens the embedded database in `dataDir`, or memory when dataDir is null. */
export async function openPglite(opts: { dataDir: string | null; loadDataDir?: Blob }): Promise<Database> {
  const client = await PGlite.create({
    dataDir: opts.dataDir ?? undefined,
    extensions: pgliteExtensions,
    loadDataDir: opts.loadDataDir,
  });
  return wrapPglite(client);
}

/** Wraps an open PGlite instance (for example a clone) as a Passage database. */
export function wrapPglite(client: PGlite): Database {
  // PGlite is one connection: it queues queries and holds a lock for a whole transaction,
  // so concurrent requests run one after another rather than interleaving.
  const db = drizzlePglite(client) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle connection the server closes (a restart, a replica taken down) is dropped from the
  // pool and replaced on the next query; unhandled, its error would stop the whole process.
  pool.on('error', (error) => {
    console.warn(
      `database connection lost (${(error as { code?: string }).code ?? error.message}); reconnecting`,
    );
  });
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg(pool) as unknown as Db;
  return { db, kind: 'postgresql', pglite: null, close: () => pool.end() };
}

/** Opens the database named by the configuration: a server when a URL is given, else embedded. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  // PGlite creates its own folder but not the ones above it: a fresh clone has no ./data yet.
  await mkdir(opts.dataDir, { recursive: true });
  return openPglite({ dataDir: path.join(opts.dataDir, 'pglite') });
}

/** Runs raw SQL and returns its rows, whichever driver is underneath (both answer with `rows`). */
export async function selectRows<T>(db: Executor, query: SQL | string): Promise<T[]> {
  const result = (await db.execute(typeof query === 'string' ? sql.raw(query) : query)) as unknown as {
    rows: T[];
  };
  return result.rows;
}
