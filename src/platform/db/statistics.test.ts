import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test-support/test-database.js';
import { type Database, selectRows } from './database.js';
import { refreshStatistics, startStatisticsRefresh } from './statistics.js';

const reltuples = async (database: Database, table: string) =>
  Number(
    (
      await selectRows<{ n: number }>(
        database.db,
        sql`select reltuples as n from pg_class where relname = ${table} and relkind = 'r'`,
      )
    )[0]?.n,
  );

// A table of 5,000 rows of some 80 bytes: about 60 pages. Autovacuum is off for it, so on a
// server only the refresh under test analyses it.
async function createProbe(database: Database, table: string, rows: number): Promise<void> {
  await database.db.execute(sql`drop table if exists ${sql.identifier(table)}`);
  await database.db.execute(
    sql`create table ${sql.identifier(table)} (id int primary key, note text) with (autovacuum_enabled = false)`,
  );
  await database.db.execute(
    sql`insert into ${sql.identifier(table)} select i, repeat('x', 40) from generate_series(1, ${rows}) as i`,
  );
}

function collectingLog() {
  const lines: { msg: string; obj: object }[] = [];
  const push = (obj: object, msg: string) => lines.push({ obj, msg });
  return { lines, log: { info: push, error: push } };
}

describe('refreshing the planner statistics', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    for (const table of [
      'statistics_probe',
      'statistics_probe_growth',
      'statistics_probe_started',
      'statistics_probe_server',
    ]) {
      await database.db.execute(sql`drop table if exists ${sql.identifier(table)}`);
    }
    await database.close();
  });

  it('analyses a table that was never analysed or has grown, and leaves it alone once current', async () => {
    await createProbe(database, 'statistics_probe', 5000);
    expect(await reltuples(database, 'statistics_probe')).toBeLessThan(0);

    expect(await refreshStatistics(database.db)).toContain('statistics_probe');
    expect(await reltuples(database, 'statistics_probe')).toBe(5000);

    expect(await refreshStatistics(database.db)).not.toContain('statistics_probe');

    // Doubling the table makes its statistics stale again.
    await database.db.execute(
      sql`insert into statistics_probe select i, repeat('x', 40) from generate_series(5001, 10000) as i`,
    );
    expect(await refreshStatistics(database.db)).toContain('statistics_probe');
    expect(await reltuples(database, 'statistics_probe')).toBe(10000);
  });

  it('waits for a table to double when asked to (growth 2), as the history import does', async () => {
    await createProbe(database, 'statistics_probe_growth', 5000);
    expect(await refreshStatistics(database.db, { growth: 2 })).toContain('statistics_probe_growth');
    // Half as large again: stale for the default rule, not yet for growth 2.
    await database.db.execute(
      sql`insert into statistics_probe_growth select i, repeat('x', 40) from generate_series(5001, 7500) as i`,
    );
    expect(await refreshStatistics(database.db, { growth: 2 })).not.toContain('statistics_probe_growth');
    expect(await reltuples(database, 'statistics_probe_growth')).toBe(5000);
    await database.db.execute(
      sql`insert into statistics_probe_growth select i, repeat('x', 40) from generate_series(7501, 12000) as i`,
    );
    expect(await refreshStatistics(database.db, { growth: 2 })).toContain('statistics_probe_growth');
    expect(await reltuples(database, 'statistics_probe_growth')).toBe(12000);
  });

  it.runIf(testDatabaseKind() === 'pglite')(
    'runs on the embedded database as soon as it starts',
    async () => {
      await createProbe(database, 'statistics_probe_started', 5000);
      const { lines, log } = collectingLog();
      const refresh = startStatisticsRefresh(database, { log, intervalMs: 60_000 });
      try {
        await expect.poll(() => reltuples(database, 'statistics_probe_started')).toBe(5000);
        await expect.poll(() => lines.map((line) => line.msg)).toContain('planner statistics refreshed');
        const refreshed = lines.find((line) => line.msg === 'planner statistics refreshed')!.obj as {
          tables: string[];
        };
        expect(refreshed.tables).toContain('statistics_probe_started');
      } finally {
        await refresh.stop();
      }
    },
  );

  it.runIf(testDatabaseKind() === 'postgresql')('leaves a server to its autovacuum', async () => {
    await createProbe(database, 'statistics_probe_server', 5000);
    const { lines, log } = collectingLog();
    const refresh = startStatisticsRefresh(database, { log, intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await refresh.stop();
    expect(lines).toEqual([]);
    expect(await reltuples(database, 'statistics_probe_server')).toBeLessThan(0);
  });
});
