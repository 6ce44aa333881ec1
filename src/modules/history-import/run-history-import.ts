import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database, Db } from '../../platform/db/database.js';
import { refreshStatistics } from '../../platform/db/statistics.js';
import { type ServiceContext, withSystemTransaction } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { currentFactorSet } from '../emissions/factor-sets.js';
import { readHistoryRecords, validateHistoryRecords } from './history-file.js';
import { type HistoryImportProblem, type HistoryImportRow, historyImports } from './schema.js';
import {
  existingSourceIds,
  type PreparedCase,
  prepareHistoricCases,
  writeHistoricCases,
} from './write-historic-cases.js';

/**
 * Cases written per transaction: large enough for bulk statements, small enough for steady progress
 * (HISTORY_BATCH_SIZE in the configuration).
 */
export const HISTORY_BATCH_SIZE = 250;

/**
 * How much a table must have grown since its last ANALYZE to be analysed again between batches:
 * twice its size. Plans change with a table's order of magnitude, and at a fifth (the periodic
 * refresh's rule) ANALYZE took a fifth of the import's time.
 */
const STATISTICS_GROWTH = 2;

/** How one batch went, for a caller that reports progress (the benchmark). */
export interface HistoryBatchProgress {
  /** Cases of the file handled so far, this batch included. */
  processed: number;
  /** Time spent writing the batch (its transaction). */
  writeMs: number;
  /** Tables whose planner statistics were refreshed after it (embedded database only). */
  analysed: string[];
  /** Time spent refreshing them. */
  analyseMs: number;
}

// Imports still running in this process, so shutdown and tests can wait for them.
const running = new Set<Promise<void>>();

/** Resolves when every history import started by this process has finished. */
export async function settleHistoryImports(): Promise<void> {
  await Promise.all([...running]);
}

/** A file read and checked: the cases to write and every problem found. */
export interface CheckedHistoryFile {
  total: number;
  prepared: PreparedCase[];
  existing: number;
  problems: HistoryImportProblem[];
  fatal: string | null;
}

/**
 * Reads and validates a history file row by row, then against the mission (offices, airports) and
 * the cases earlier imports brought in. Writes nothing.
 */
export async function checkHistoryFile(
  db: Db,
  actor: Actor,
  file: { filename: string; data: Buffer },
  now: Date,
): Promise<CheckedHistoryFile> {
  const records = await readHistoryRecords(file.filename, file.data);
  if (typeof records === 'string')
    return { total: 0, prepared: [], existing: 0, problems: [], fatal: records };
  const parsed = validateHistoryRecords(records, { timeZone: actor.mission.timeZone, now });
  if (parsed.fatal) return { total: 0, prepared: [], existing: 0, problems: [], fatal: parsed.fatal };
  const factorSet = await withSystemTransaction(db, actor, (ctx) => currentFactorSet(ctx));
  const { prepared, problems } = await prepareHistoricCases(db, actor.missionId, parsed.cases, factorSet);
  const known = await existingSourceIds(
    db,
    actor.missionId,
    prepared.map((item) => item.source.sourceId),
  );
  return {
    total: parsed.total,
    prepared,
    existing: known.size,
    problems: [...parsed.problems, ...problems].sort((a, b) => a.row - b.row),
    fatal: null,
  };
}

const rejectedCases = (problems: HistoryImportProblem[]) =>
  new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size;

/**
 * Records the import job. A dry run is finished at once: it says how many cases would be created,
 * how many exist already and every problem, and writes no case.
 */
export async function createHistoryImport(
  ctx: ServiceContext,
  input: { filename: string; dryRun: boolean; checked: CheckedHistoryFile },
): Promise<HistoryImportRow> {
  const { checked } = input;
  const fatal: HistoryImportProblem[] = checked.fatal ? [{ row: 1, field: '', message: checked.fatal }] : [];
  const rejected = rejectedCases(checked.problems);
  const finished = input.dryRun || checked.fatal !== null;
  const [row] = await ctx.tx
    .insert(historyImports)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      filename: input.filename,
      dryRun: input.dryRun,
      status: checked.fatal ? 'failed' : finished ? 'completed' : 'running',
      total: checked.total,
      processed: finished ? checked.total : rejected,
      created: input.dryRun ? checked.prepared.length - checked.existing : 0,
      existing: input.dryRun ? checked.existing : 0,
      rejected,
      report: [...fatal, ...checked.problems],
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      finishedAt: finished ? ctx.now : null,
    })
    .returning();
  if (!input.dryRun) {
    await recordAudit(ctx, {
      action: 'history.import',
      recordType: 'history_import',
      recordId: row!.id,
      after: { filename: input.filename, total: checked.total, valid: checked.prepared.length },
    });
  }
  return row!;
}

/**
 * Writes the checked cases in batches, one transaction each, adding to the job's counts after
 * every batch so the API shows progress; a case another import brought in meanwhile is skipped.
 * On the embedded database, which has no autovacuum, the planner statistics of the tables that grew
 * (the summary tables the triggers read among them) are refreshed after each batch: planned for the
 * empty tables of the first batch, every later batch's trigger statements would scan whole tables,
 * and the import would slow down with every batch. A PostgreSQL server's autovacuum does this.
 */
export function runHistoryImport(
  database: Database,
  actor: Actor,
  importId: string,
  prepared: PreparedCase[],
  options: { batchSize?: number; onBatch?: (progress: HistoryBatchProgress) => void } = {},
): Promise<void> {
  const { db } = database;
  const batchSize = options.batchSize ?? HISTORY_BATCH_SIZE;
  const job = (async () => {
    const where = and(eq(historyImports.missionId, actor.missionId), eq(historyImports.id, importId));
    try {
      for (let start = 0; start < prepared.length; start += batchSize) {
        const batch = prepared.slice(start, start + batchSize);
        const started = performance.now();
        await withSystemTransaction(db, actor, async (ctx) => {
          const outcome = await writeHistoricCases(ctx, importId, batch);
          await ctx.tx
            .update(historyImports)
            .set({
              processed: sql`${historyImports.processed} + ${batch.length}`,
              created: sql`${historyImports.created} + ${outcome.created}`,
              existing: sql`${historyImports.existing} + ${outcome.existing}`,
            })
            .where(where);
        });
        const written = performance.now();
        const analysed =
          database.kind === 'pglite' ? await refreshStatistics(db, { growth: STATISTICS_GROWTH }) : [];
        options.onBatch?.({
          processed: start + batch.length,
          writeMs: written - started,
          analysed,
          analyseMs: performance.now() - written,
        });
      }
      await db.update(historyImports).set({ status: 'completed', finishedAt: new Date() }).where(where);
    } catch (error) {
      await db
        .update(historyImports)
        .set({
          status: 'failed',
          finishedAt: new Date(),
          report: sql`${historyImports.report} || ${JSON.stringify([{ row: 0, field: '', message: `The import stopped: ${(error as Error).message}` }])}::jsonb`,
        })
        .where(where);
    }
  })();
  running.add(job);
  void job.finally(() => running.delete(job));
  return job;
}
