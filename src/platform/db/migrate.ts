import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { repositoryRoot } from '../paths.js';
import type { Database } from './database.js';

/** The one ordered migrations folder, next to package.json. */
export const migrationsFolder = path.join(repositoryRoot, 'migrations');

/** Applies the pending migrations (drizzle-kit's SQL files) to the database. */
export async function migrateDatabase(database: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the two drivers' migrators take their own database types.
  const db = database.db as any;
  if (database.kind === 'pglite') await migratePglite(db, { migrationsFolder });
  else await migrateNodePg(db, { migrationsFolder });
}
