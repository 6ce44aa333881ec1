// Whether the dashboard's summary tables, kept by triggers, hold what a rebuild from the records
// gives: used by the dashboard tests and by the benchmarks that bulk-load data through the triggers.
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { type Db, type Executor, selectRows } from '../../platform/db/database.js';

/**
 * One non-zero row of a summary table: `t` says which (c: case_counts, t: case_task_counts,
 * d: case_departure_counts, g: grant_counts, p: pending_travel_document_counts).
 */
export interface SummaryRow {
  t: string;
  office_id: string;
  programme: string;
  k: string;
  assignee_key: string;
  vulnerabilities: string;
  n: number;
}

/** Every non-zero summary row of a mission, in one stable order. */
export function summaryRows(db: Executor, missionId: string): Promise<SummaryRow[]> {
  return selectRows<SummaryRow>(
    db,
    sql`select 'c' as t, office_id::text, programme, status as k, assignee_key::text, vulnerabilities, n::int
          from case_counts where mission_id = ${missionId} and n <> 0
        union all
        select 't', office_id::text, programme, due_date::text, assignee_key::text, vulnerabilities, n::int
          from case_task_counts where mission_id = ${missionId} and n <> 0
        union all
        select 'd', office_id::text, programme, day::text || nationality || arrival_airport, assignee_key::text,
          vulnerabilities, persons::int
          from case_departure_counts where mission_id = ${missionId}
        union all
        select 'g', office_id::text || '/' || return_office_key::text, programme,
          day::text || ' ' || type || ' ' || currency || ' ' || amount::text || ' ' || disbursed::text,
          assignee_key::text, vulnerabilities, grants::int
          from grant_counts where mission_id = ${missionId} and (grants <> 0 or amount <> 0 or disbursed <> 0)
        union all
        select 'p', office_id::text || '/' || return_office_key::text, programme, embassy_id::text,
          assignee_key::text, vulnerabilities, n::int
          from pending_travel_document_counts where mission_id = ${missionId} and n <> 0
        order by 1, 2, 3, 4, 5, 6`,
  );
}

/**
 * The mission's summary rows as the triggers kept them, and as `reports_rebuild_summaries` computes
 * them from the records. The rebuild runs in a transaction that is rolled back, so the check leaves
 * the summaries exactly as the triggers wrote them.
 */
export async function summariesAgainstRebuild(
  db: Db,
  missionId: string,
): Promise<{ kept: SummaryRow[]; rebuilt: SummaryRow[] }> {
  let result: { kept: SummaryRow[]; rebuilt: SummaryRow[] } | null = null;
  try {
    await db.transaction(async (tx) => {
      const kept = await summaryRows(tx, missionId);
      await tx.execute(sql`select reports_rebuild_summaries(${missionId}::uuid)`);
      result = { kept, rebuilt: await summaryRows(tx, missionId) };
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  if (!result) throw new Error('The summary rebuild did not run');
  return result;
}
