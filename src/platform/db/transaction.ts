import type { FastifyRequest } from 'fastify';
import { type AuditRow, writePendingAudit } from '../audit/record-audit.js';
import type { Actor } from '../auth/actor.js';
import { claimIdempotencyKey } from '../idempotency/idempotency.js';
import type { Executor, Tx } from './database.js';

/** What a service needs to do its work: the open transaction and who is asking. */
export interface ServiceContext {
  tx: Tx;
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  /** When the work is entered: recorded_at of everything it writes. */
  now: Date;
  /**
   * When the fact being recorded happened, for a service given a past date (a counselling session
   * held last week, a year brought over from another system); absent, it happened `now`.
   */
  occurredAt?: Date;
  /**
   * Audit entries recorded in this transaction and written just before it commits; contexts made
   * from this one (`{ ...ctx, now }`) share it. Absent, `recordAudit` writes each entry at once.
   */
  pendingAudit?: AuditRow[];
}

/** Runs `fn` in one short database transaction for the request's signed-in user. */
export async function withTransaction<T>(
  request: FastifyRequest,
  fn: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new Error('withTransaction needs a signed-in user');
  return request.server.database.db.transaction(async (tx) => {
    await claimIdempotencyKey(tx, request);
    return runWithAudit(
      tx,
      { tx, actor, requestId: request.id, ip: request.ip ?? null, now: new Date() },
      fn,
    );
  });
}

/** Runs `fn` in a transaction outside any request (start-up, demo data, jobs). */
export async function withSystemTransaction<T>(
  db: Executor,
  actor: Actor,
  fn: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) =>
    runWithAudit(tx, { tx, actor, requestId: null, ip: null, now: new Date() }, fn),
  );
}

// The work first, then its audit entries, in the same transaction: if either fails, neither commits.
async function runWithAudit<T>(
  tx: Tx,
  ctx: ServiceContext,
  fn: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const pendingAudit: AuditRow[] = [];
  const result = await fn({ ...ctx, pendingAudit });
  await writePendingAudit(tx, pendingAudit);
  return result;
}
