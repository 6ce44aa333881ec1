import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.js';

/** The one ordered migrations folder, next to package.json (found from src/ and from dist/). */
export const migrationsFolder = findUp(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations/meta/_journal.json',
);

function findUp(start: string, relative: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, relative))) return path.join(dir, 'migrations');
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('migrations');
    dir = parent;
  }
}

/** Applies the pending migrations (drizzle-kit's SQL files) to the database. */
export async function migrateDatabase(database: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the two drivers' migrators take their own database types.
  const db = database.db as any;
  if (database.kind === 'pglite') await migratePglite(db, { migrationsFolder });
  else await migrateNodePg(db, { migrationsFolder });
}
