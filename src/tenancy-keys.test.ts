// Passage is sharded by mission when one primary is not enough (docs/scaling.md): every
// mission-owned table must carry mission_id first in its primary key, in every unique key and in
// every foreign key to another mission-owned table, so that no row and no join ever crosses
// missions. A table without mission_id must be one of the named reference tables.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

/** The tables that are not owned by a mission (Citus reference tables, or kept on the coordinator). */
const REFERENCE_TABLES = [
  'missions',
  'users',
  'sessions',
  // found by the token's hash before the mission is known
  'password_links',
  // sign-in security: found by account or user before the mission is known
  'login_throttles',
  'login_challenges',
  'user_mfa',
  'mfa_recovery_codes',
];

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name === 'schema.ts' ? [full] : [];
  });
}

async function allTables(): Promise<PgTable[]> {
  const srcDir = path.dirname(new URL(import.meta.url).pathname);
  const modules = await Promise.all(schemaFiles(srcDir).map((file) => import(pathToFileURL(file).href)));
  const tables = new Map<string, PgTable>();
  for (const module of modules) {
    for (const value of Object.values(module)) {
      if (value instanceof PgTable) tables.set(getTableConfig(value).name, value);
    }
  }
  return [...tables.values()];
}

/** What is wrong with a table's keys for sharding by mission; empty when nothing is. */
function keyProblems(table: PgTable, missionOwned: Set<string>): string[] {
  const config = getTableConfig(table);
  const name = config.name;
  const columns = config.columns.map((c) => c.name);
  // users carry their mission but stay a reference table: sign-in finds them by e-mail first.
  if (REFERENCE_TABLES.includes(name)) return [];
  if (!columns.includes('mission_id')) return [`${name}: no mission_id and not a reference table`];
  const problems: string[] = [];
  const primary =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    config.columns.filter((c) => c.primary).map((c) => c.name);
  if (primary[0] !== 'mission_id')
    problems.push(`${name}: primary key (${primary.join(', ')}) does not start with mission_id`);
  for (const unique of config.uniqueConstraints) {
    const cols = unique.columns.map((c) => c.name);
    if (!cols.includes('mission_id'))
      problems.push(`${name}: unique key ${unique.name ?? cols.join(', ')} lacks mission_id`);
  }
  for (const column of config.columns) {
    if (column.isUnique && column.name !== 'mission_id')
      problems.push(`${name}: column ${column.name} is unique without mission_id`);
  }
  for (const foreignKey of config.foreignKeys) {
    const reference = foreignKey.reference();
    const target = getTableConfig(reference.foreignTable).name;
    if (!missionOwned.has(target)) continue;
    const cols = reference.columns.map((c) => c.name);
    if (!cols.includes('mission_id'))
      problems.push(`${name}: foreign key to ${target} (${cols.join(', ')}) lacks mission_id`);
  }
  return problems;
}

describe('keys for sharding by mission', () => {
  it('every mission-owned table keys its rows and joins by mission_id', async () => {
    const tables = await allTables();
    const missionOwned = new Set(
      tables
        .map((t) => getTableConfig(t))
        .filter(
          (c) =>
            !REFERENCE_TABLES.includes(c.name) && c.columns.some((column) => column.name === 'mission_id'),
        )
        .map((c) => c.name),
    );
    expect(missionOwned.size).toBeGreaterThan(40);
    expect(tables.flatMap((table) => keyProblems(table, missionOwned))).toEqual([]);
  });
});
