import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { testDatabaseKind } from './test-database.js';

/** Migrates the test database once per run: the PostgreSQL server from scratch, or a PGlite template. */
export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
  if (testDatabaseKind() === 'postgresql') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('PASSAGE_TEST_DB=postgres needs TEST_DATABASE_URL');
    const database = await openPostgres(url, { max: 1 });
    await database.db.execute(
      sql.raw(
        'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public',
      ),
    );
    await migrateDatabase(database);
    await database.close();
    return;
  }
  const database = await openPglite({ dataDir: null });
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir('gzip');
  // One file per run, so test runs started side by side never share a template.
  const template = path.resolve('.data-test', `pglite-template-${process.pid}.tar.gz`);
  await mkdir(path.dirname(template), { recursive: true });
  await writeFile(template, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await rm(template, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
