import type { Tx } from '../db/database.js';
import type { ServiceContext } from '../db/transaction.js';
import { newId } from '../ids.js';
import type { AuditAction } from './audit-actions.js';
import { appendAuditRows } from './audit-chain.js';
import { redactPersonalData } from './personal-data.js';
import type { auditLog } from './schema.js';

/** An audit entry as it is written. */
export type AuditRow = typeof auditLog.$inferInsert;

/**
 * Records one entry of the audit trail in the caller's transaction, so it commits with the change
 * or not at all. In a transaction opened by `withTransaction` or `withSystemTransaction` the entry
 * is kept until the work is done and then written with the transaction's other entries in one
 * statement before the commit (`writePendingAudit`): a service that records a dozen steps makes
 * one round trip for them instead of twelve. Elsewhere it is written at once.
 */
export async function recordAudit(
  ctx: ServiceContext,
  entry: { action: AuditAction; recordType: string; recordId: string; before?: unknown; after?: unknown },
): Promise<void> {
  const row: AuditRow = {
    missionId: ctx.actor.missionId,
    id: newId(),
    at: ctx.now,
    actorType: ctx.actor.system ? 'system' : ctx.actor.partner ? 'partner' : 'user',
    actorId: ctx.actor.system ? null : ctx.actor.id,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    requestId: ctx.requestId,
    ip: ctx.ip,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  };
  if (ctx.pendingAudit) ctx.pendingAudit.push(row);
  else await appendAuditRows(ctx.tx, [row]);
}

// The JSON the column will hold, taken now: the caller may change its objects after the call, and
// the trail must say what they were when it was recorded. Without what identifies a person (names,
// phone, document numbers; a birth date cut to its year): the trail outlives anonymisation.
function snapshot(value: unknown): unknown {
  return value === undefined ? null : redactPersonalData(JSON.parse(JSON.stringify(value)));
}

/**
 * Writes the entries a transaction has kept (see `recordAudit`), in the order they were recorded,
 * linked into their mission's hash chain (`appendAuditRows`).
 */
export async function writePendingAudit(tx: Tx, pending: AuditRow[]): Promise<void> {
  await appendAuditRows(tx, pending);
  pending.length = 0;
}
