import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRoleAt } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { type ServiceContext, withSystemTransaction } from '../../platform/db/transaction.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { createReferral, resolveReferralTarget } from './create-referral.js';
import { type CsvReferral, type ParsedReferralCsv, referralCsvColumns } from './referral-csv.js';
import { type ImportProblem, type PartnerRow, referralImports } from './schema.js';

// Imports still running in this process, so shutdown and tests can wait for them.
const running = new Set<Promise<void>>();

/** Resolves when every import started by this process has finished. */
export async function settleReferralImports(): Promise<void> {
  await Promise.all([...running]);
}

/** Records an import job for a parsed CSV; run it with runReferralImport after the transaction commits. */
export async function createReferralImport(
  ctx: ServiceContext,
  input: { partner: PartnerRow; filename: string; parsed: ParsedReferralCsv },
) {
  const { parsed } = input;
  const fatal: ImportProblem[] = parsed.fatal ? [{ row: 1, field: '', message: parsed.fatal }] : [];
  const rejectedRows = new Set(parsed.problems.filter((p) => p.row > 1).map((p) => p.row)).size;
  const [row] = await ctx.tx
    .insert(referralImports)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      partnerId: input.partner.id,
      filename: input.filename,
      status: parsed.fatal ? 'failed' : 'running',
      total: parsed.total,
      // Invalid rows are done with as soon as they are validated.
      processed: rejectedRows,
      rejected: rejectedRows,
      report: [...fatal, ...parsed.problems],
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      finishedAt: parsed.fatal ? ctx.now : null,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'referral_import.create',
    recordType: 'referral_import',
    recordId: row!.id,
    after: { filename: input.filename, total: parsed.total, partnerId: input.partner.id },
  });
  return row!;
}

/**
 * Creates the valid referrals of an import one family per transaction, updating the job's counts
 * as it goes so the UI can show progress. A referral refused by the database (an office the
 * importer may not use, a retired referral source) goes into the report; the others still go in.
 */
export function runReferralImport(
  db: Db,
  actor: Actor,
  importId: string,
  referrals: CsvReferral[],
): Promise<void> {
  const job = (async () => {
    const where = and(eq(referralImports.missionId, actor.missionId), eq(referralImports.id, importId));
    try {
      for (const item of referrals) {
        const outcome = await importOne(db, actor, importId, item);
        await db
          .update(referralImports)
          .set({
            processed: sql`${referralImports.processed} + ${item.rows.length}`,
            created: sql`${referralImports.created} + ${outcome.kind === 'created' ? 1 : 0}`,
            existing: sql`${referralImports.existing} + ${outcome.kind === 'existing' ? 1 : 0}`,
            rejected: sql`${referralImports.rejected} + ${outcome.kind === 'rejected' ? item.rows.length : 0}`,
            report:
              outcome.kind === 'rejected'
                ? sql`${referralImports.report} || ${JSON.stringify(outcome.problems)}::jsonb`
                : referralImports.report,
          })
          .where(where);
      }
      await db.update(referralImports).set({ status: 'completed', finishedAt: new Date() }).where(where);
    } catch (error) {
      await db
        .update(referralImports)
        .set({
          status: 'failed',
          finishedAt: new Date(),
          report: sql`${referralImports.report} || ${JSON.stringify([{ row: 0, field: '', message: `The import stopped: ${(error as Error).message}` }])}::jsonb`,
        })
        .where(where);
    }
  })();
  running.add(job);
  void job.finally(() => running.delete(job));
  return job;
}

type Outcome = { kind: 'created' | 'existing' } | { kind: 'rejected'; problems: ImportProblem[] };

async function importOne(db: Db, actor: Actor, importId: string, item: CsvReferral): Promise<Outcome> {
  try {
    return await withSystemTransaction(db, actor, async (ctx) => {
      const target = await resolveReferralTarget(ctx, item.input);
      if (!hasRoleAt(actor, target.officeId, 'counsellor', 'manager', 'admin')) {
        return rejected(item, 'office_id', 'you may not open cases at this office');
      }
      const result = await createReferral(ctx, target, item.input, { importId });
      return { kind: result.created ? 'created' : 'existing' } as const;
    });
  } catch (error) {
    if (error instanceof HttpProblem) {
      const fields = error.errors ?? [{ path: '', message: error.message }];
      return {
        kind: 'rejected',
        problems: fields.map((field) => ({
          row: item.rows[0]!,
          field: columnFor(field.path),
          message: field.message,
        })),
      };
    }
    throw error;
  }
}

function rejected(item: CsvReferral, field: string, message: string): Outcome {
  return { kind: 'rejected', problems: [{ row: item.rows[0]!, field, message }] };
}

// Service errors name body fields (body.officeId); the report names CSV columns (office_id).
function columnFor(path: string): string {
  const field = path.replace(/^body\./, '');
  const entry = Object.entries(referralCsvColumns).find(([, name]) => name === field);
  return entry?.[0] ?? field;
}
