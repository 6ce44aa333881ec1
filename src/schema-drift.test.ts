import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './platform/db/migrate.js';

// The same schema files drizzle.config.ts hands to drizzle-kit.
function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name === 'schema.ts' ? [full] : [];
  });
}

describe('database schema', () => {
  it('matches the migrations: generating a migration from the code would produce nothing', async () => {
    const srcDir = path.dirname(new URL(import.meta.url).pathname);
    const modules = await Promise.all(schemaFiles(srcDir).map((file) => import(pathToFileURL(file).href)));
    const schema = Object.assign({}, ...modules) as Record<string, unknown>;
    const snapshots = readdirSync(path.join(migrationsFolder, 'meta'))
      .filter((name) => name.endsWith('_snapshot.json'))
      .sort();
    const latest = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', snapshots.at(-1)!), 'utf8'));
    const fromCode = generateDrizzleJson(schema, latest.id);
    const pending = await generateMigration(latest, fromCode);
    expect(pending, 'run `npm run db:generate` to write a migration for these changes').toEqual([]);
  });

  it('lists every migration file in the journal', () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    const tags = journal.entries.map((entry: { tag: string }) => `${entry.tag}.sql`);
    const files = readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql'));
    expect(files.sort()).toEqual(tags.sort());
  });
});
