import type { ServiceContext } from '../db/transaction.js';
import { newId } from '../ids.js';
import type { AuditAction } from './audit-actions.js';
import { auditLog } from './schema.js';

/** Appends one entry to the audit trail, in the caller's transaction so it commits with the change. */
export async function recordAudit(
  ctx: ServiceContext,
  entry: { action: AuditAction; recordType: string; recordId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await ctx.tx.insert(auditLog).values({
    missionId: ctx.actor.missionId,
    id: newId(),
    at: ctx.now,
    actorType: ctx.actor.partner ? 'partner' : 'user',
    actorId: ctx.actor.id,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
