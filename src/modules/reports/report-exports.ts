import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { renderExport } from './render-export.js';
import { findReport } from './report-catalogue.js';
import type { ReportDefinition, ReportParams } from './report-types.js';
import type { ReportExport } from './reports-schemas.js';
import { runReport } from './run-report.js';
import { type ExportFormat, type ReportExportRow, reportExports } from './schema.js';

// An export that neither finished nor moved for this long was cut off (the server stopped).
const STALE_MS = 10 * 60 * 1000;

/** Queues an export of a report as a job row; run it with runReportExport once the row is committed. */
export async function createReportExport(
  ctx: ServiceContext,
  input: { report: ReportDefinition; format: ExportFormat; language: 'en' | 'nl'; params: ReportParams },
): Promise<ReportExportRow> {
  const [row] = await ctx.tx
    .insert(reportExports)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      report: input.report.name,
      format: input.format,
      parameters: { ...input.params },
      language: input.language,
      status: 'queued',
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'report.export',
    recordType: 'report_export',
    recordId: row!.id,
    after: { report: row!.report, format: row!.format, parameters: row!.parameters },
  });
  return row!;
}

/**
 * Runs a queued export outside any request: claims the row (so it runs once), runs the report as
 * the actor who asked for it, writes progress as rows are rendered, and stores the file on the row.
 */
export async function runReportExport(
  db: Db,
  actor: Actor,
  exportId: string,
  /** Where the report's rows are read (a read replica); the job row is always written on `db`. */
  source: Db = db,
): Promise<void> {
  const where = and(eq(reportExports.missionId, actor.missionId), eq(reportExports.id, exportId));
  const [job] = await db
    .update(reportExports)
    .set({ status: 'running' })
    .where(and(where, eq(reportExports.status, 'queued')))
    .returning();
  if (!job) return;
  try {
    const report = findReport(job.report);
    if (!report) throw new Error(`Unknown report ${job.report}`);
    const params = job.parameters as unknown as ReportParams;
    const language = job.language === 'nl' ? 'nl' : 'en';
    const rows = await runReport(source, actor, report, params, language);
    await db.update(reportExports).set({ total: rows.length }).where(where);
    const file = await renderExport({
      report,
      rows,
      params,
      format: job.format,
      language,
      onProgress: async (processed) => {
        await db.update(reportExports).set({ processed }).where(where);
      },
    });
    await db
      .update(reportExports)
      .set({
        status: 'done',
        processed: rows.length,
        filename: file.filename,
        contentType: file.contentType,
        content: file.content,
        finishedAt: new Date(),
      })
      .where(where);
  } catch (error) {
    await db
      .update(reportExports)
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      })
      .where(where);
  }
}

/** An export job without its file, as the API shows it. */
export function presentReportExport(row: Omit<ReportExportRow, 'content'>, now: Date): ReportExport {
  const stale =
    (row.status === 'queued' || row.status === 'running') &&
    now.getTime() - row.createdAt.getTime() > STALE_MS;
  return {
    id: row.id,
    report: row.report,
    format: row.format,
    status: stale ? 'failed' : row.status,
    processed: row.processed,
    total: row.total,
    filename: row.filename,
    error: stale ? 'The export was interrupted; start it again.' : row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    fileUrl: row.status === 'done' ? `/api/v1/reports/exports/${row.id}/file` : null,
  };
}

/** The export job with that id in the actor's mission, without its file. */
export async function loadReportExport(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({
      missionId: reportExports.missionId,
      id: reportExports.id,
      report: reportExports.report,
      format: reportExports.format,
      parameters: reportExports.parameters,
      language: reportExports.language,
      status: reportExports.status,
      processed: reportExports.processed,
      total: reportExports.total,
      filename: reportExports.filename,
      contentType: reportExports.contentType,
      error: reportExports.error,
      createdBy: reportExports.createdBy,
      createdAt: reportExports.createdAt,
      finishedAt: reportExports.finishedAt,
    })
    .from(reportExports)
    .where(and(eq(reportExports.missionId, actor.missionId), eq(reportExports.id, id)));
  return row ?? null;
}

/** The stored file of a finished export. */
export async function readReportExportFile(db: Db, actor: Actor, id: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ content: reportExports.content })
    .from(reportExports)
    .where(
      and(
        eq(reportExports.missionId, actor.missionId),
        eq(reportExports.id, id),
        eq(reportExports.status, 'done'),
      ),
    );
  return row?.content ? Buffer.from(row.content) : null;
}
