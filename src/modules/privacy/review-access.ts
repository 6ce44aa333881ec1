import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';

/** Marks a break-glass access reviewed: a new audit entry pointing at it (the trail itself never changes). */
export async function reviewAccess(
  ctx: ServiceContext,
  entryId: string,
  note: string | undefined,
): Promise<void> {
  const [entry] = await ctx.tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.missionId, ctx.actor.missionId),
        eq(auditLog.id, entryId),
        eq(auditLog.action, 'case.break_glass'),
      ),
    );
  if (!entry) throw notFound('Break-glass access');
  const [done] = await ctx.tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.missionId, ctx.actor.missionId),
        eq(auditLog.action, 'case.break_glass_review'),
        eq(auditLog.recordId, entryId),
      ),
    );
  if (done) throw conflict('This break-glass access has already been reviewed.');
  await recordAudit(ctx, {
    action: 'case.break_glass_review',
    recordType: 'audit_entry',
    recordId: entryId,
    after: { note: note ?? null },
  });
}
