import { createHash } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/database.js';
import { auditChainHeads, auditLog } from './schema.js';

type AuditInsert = typeof auditLog.$inferInsert;
type AuditSelect = typeof auditLog.$inferSelect;

// Twelve parameters a row: well under the protocol's 65,535 parameters a statement.
const ROWS_PER_STATEMENT = 1000;

/** JSON with object keys sorted at every level: jsonb does not keep key order, so hashes must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of one entry: SHA-256 over the previous entry's hash and every column of this one. */
export function auditEntryHash(previousHash: string, row: AuditInsert | AuditSelect): string {
  const content = canonicalJson([
    row.chainSeq,
    row.missionId,
    row.id,
    row.at instanceof Date ? row.at.toISOString() : row.at,
    row.actorType,
    row.actorId ?? null,
    row.action,
    row.recordType,
    row.recordId,
    row.requestId ?? null,
    row.ip ?? null,
    row.before ?? null,
    row.after ?? null,
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the audit log in the caller's transaction, each linked to the one before it
 * in its mission's chain. The mission's chain head is locked first (in mission order, so two
 * transactions never wait on each other in a circle) and moved on in the same transaction.
 */
export async function appendAuditRows(tx: Tx, rows: AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const byMission = new Map<string, AuditInsert[]>();
  for (const row of rows) {
    const list = byMission.get(row.missionId) ?? [];
    list.push(row);
    byMission.set(row.missionId, list);
  }
  for (const missionId of [...byMission.keys()].sort()) {
    const list = byMission.get(missionId)!;
    // Inserting or touching the head takes its row lock and answers where the chain ends, in one round trip.
    const [head] = await tx
      .insert(auditChainHeads)
      .values({ missionId, seq: 0, hash: '' })
      .onConflictDoUpdate({ target: auditChainHeads.missionId, set: { missionId } })
      .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
    let seq = head!.seq;
    let hash = head!.hash;
    const linked = list.map((row) => {
      seq += 1;
      const chained = { ...row, chainSeq: seq };
      hash = auditEntryHash(hash, chained);
      return { ...chained, hash };
    });
    for (let start = 0; start < linked.length; start += ROWS_PER_STATEMENT) {
      await tx.insert(auditLog).values(linked.slice(start, start + ROWS_PER_STATEMENT));
    }
    await tx.update(auditChainHeads).set({ seq, hash }).where(eq(auditChainHeads.missionId, missionId));
  }
}

/** What checking a mission's chain found: how many entries, and the first one that does not hold. */
export interface ChainVerification {
  missionId: string;
  checked: number;
  firstBroken: { id: string | null; chainSeq: number; reason: string } | null;
}

const VERIFY_BATCH = 2000;

/** Walks a mission's audit chain from the first entry and names the first entry that was altered, removed or added. */
export async function verifyAuditChain(db: Executor, missionId: string): Promise<ChainVerification> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.missionId, missionId));
  let previousHash = '';
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.missionId, missionId),
          isNotNull(auditLog.chainSeq),
          gt(auditLog.chainSeq, expectedSeq - 1),
        ),
      )
      .orderBy(asc(auditLog.chainSeq))
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      const broken = (reason: string, seq = row.chainSeq!) => ({
        missionId,
        checked,
        firstBroken: { id: seq === row.chainSeq ? row.id : null, chainSeq: seq, reason },
      });
      if (row.chainSeq !== expectedSeq) return broken('entries before this one are missing', expectedSeq);
      if (auditEntryHash(previousHash, row) !== row.hash) return broken('its content or hash was changed');
      previousHash = row.hash!;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head?.hash ?? '') !== previousHash) {
    return {
      missionId,
      checked,
      firstBroken: { id: null, chainSeq: checked + 1, reason: 'entries at the end of the chain are missing' },
    };
  }
  return { missionId, checked, firstBroken: null };
}

/** The missions that have an audit chain. */
export async function chainedMissions(db: Executor): Promise<string[]> {
  const rows = await db.select({ missionId: auditChainHeads.missionId }).from(auditChainHeads);
  return rows.map((r) => r.missionId).sort();
}

/** Removes nothing and changes nothing: a cheap count of a mission's chained entries, for reports. */
export async function countChained(db: Executor, missionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.missionId, missionId), isNotNull(auditLog.chainSeq)));
  return row?.n ?? 0;
}
