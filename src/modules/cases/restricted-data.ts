import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { BREAK_GLASS_HOURS, type RestrictedCategory } from '../../platform/auth/need-to-know.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { casePolicy } from './case-policy.js';
import type { CaseRow } from './load-case.js';

/** The restricted category of a case document's kind: medical documents are medical data. */
export function documentCategory(kind: string): RestrictedCategory | null {
  return kind === 'medical' ? 'medical' : null;
}

/** The case with `breakGlass` set when the actor holds a break-glass access to it that has not run out. */
export async function withBreakGlass(db: Executor, actor: Actor, kase: CaseRow, now = new Date()) {
  if (!casePolicy.breakGlass(actor, kase)) return { ...kase, breakGlass: false };
  const since = new Date(now.getTime() - BREAK_GLASS_HOURS * 3600_000);
  const [open] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.missionId, kase.missionId),
        eq(auditLog.recordType, 'case'),
        eq(auditLog.recordId, kase.id),
        eq(auditLog.action, 'case.break_glass'),
        eq(auditLog.actorId, actor.id),
        gt(auditLog.at, since),
      ),
    )
    .limit(1);
  return { ...kase, breakGlass: !!open };
}

/** Writes the access-log entry of a read of restricted data (nothing when nothing restricted was shown). */
export async function recordSensitiveRead(
  ctx: ServiceContext,
  kase: CaseRow & { breakGlass?: boolean },
  read: { what: string; categories: RestrictedCategory[]; ids?: string[] },
): Promise<void> {
  if (read.categories.length === 0) return;
  await recordAudit(ctx, {
    action: 'case.read_sensitive',
    recordType: 'case',
    recordId: kase.id,
    after: {
      what: read.what,
      categories: [...new Set(read.categories)].sort(),
      ...(read.ids ? { ids: read.ids } : {}),
      ...(kase.breakGlass ? { breakGlass: true } : {}),
    },
  });
}

/** Opens the case's restricted data to a manager for a limited time, with the reason, flagged for review. */
export async function breakGlass(ctx: ServiceContext, kase: CaseRow, reason: string): Promise<Date> {
  await recordAudit(ctx, {
    action: 'case.break_glass',
    recordType: 'case',
    recordId: kase.id,
    after: { reason, hours: BREAK_GLASS_HOURS, reference: kase.reference },
  });
  return new Date(ctx.now.getTime() + BREAK_GLASS_HOURS * 3600_000);
}
