import { sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../platform/db/database.js';
import type { Client } from '../../test-support/test-app.js';

/**
 * Test support: closes a case with a closure date in the past, as if it had been closed then
 * (the transition API refuses dates that far back for most roles, and retention needs old closures).
 */
export async function closeCaseOn(
  db: Executor,
  missionId: string,
  caseId: string,
  closedAt: string,
): Promise<void> {
  await db.execute(sql`update cases set status = 'closed', previous_status = status,
    status_changed_at = ${closedAt}::timestamptz where mission_id = ${missionId} and id = ${caseId}`);
}

/** Test support: waits until a real retention run has finished, and returns it. */
export async function waitForRun(admin: Client, runId: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await admin.get(`/api/v1/retention/runs/${runId}`);
    const run = response.json().run;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`retention run ${runId} did not finish`);
}

/**
 * Test support: the tables of the database and, for one mission, the rows whose text contains the
 * needle (any column, JSON included): where a name could still be hiding.
 */
export async function rowsContaining(db: Executor, missionId: string, needle: string): Promise<string[]> {
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'mission_id' order by table_name`,
  );
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} t
          where t.mission_id = ${missionId} and t::text ilike ${`%${needle}%`}`,
    );
    if (row!.n > 0) found.push(`${table}: ${row!.n}`);
  }
  return found;
}
