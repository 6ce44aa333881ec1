import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type Database, openPostgres, wrapPglite } from '../platform/db/database.js';
import { pgliteExtensions } from '../platform/db/extensions.js';

/** The database the API tests run on: the PostgreSQL server when PASSAGE_TEST_DB=postgres, else PGlite. */
export function testDatabaseKind(): 'postgresql' | 'pglite' {
  return process.env.PASSAGE_TEST_DB === 'postgres' ? 'postgresql' : 'pglite';
}

/**
 * Opens a migrated database for one test file. On PGlite each file gets its own copy of the
 * migrated template (about half a second); on PostgreSQL the files share the server's database
 * migrated once by the global set-up. Either way each test makes its own mission.
 */
export async function openTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'postgresql') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('PASSAGE_TEST_DB=postgres needs TEST_DATABASE_URL');
    return openPostgres(url, { max: 4 });
  }
  // The global set-up migrated one PGlite database and left its data directory here.
  const template = await readFile(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([template]), extensions: pgliteExtensions });
  return wrapPglite(client);
}
