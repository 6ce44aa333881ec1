import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { loginThrottles } from './schema.js';

/** Failures allowed before the account is locked; each one after that doubles the lock. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;
// A failure this long ago is forgotten: the count starts again.
const FORGET_AFTER = '1 day';

/** The key of an account in the throttle: the e-mail's hash, whether or not such an account exists. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** How long an account is locked after its `failures`-th failure in a row. */
export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCK_MS);
}

export type ThrottleAttempt =
  | { allowed: true; failures: number; lockedUntil: Date | null }
  | { allowed: false; retryAfterMs: number };

/**
 * Counts an attempt against an account before its password is checked, in one statement: an
 * attempt while the account is locked is refused, and one that would be the lock's failure locks
 * the account at once, so attempts sent in parallel cannot slip past the count. A success clears
 * it again (`clearFailures`).
 */
export async function beginAttempt(db: Executor, key: string, now: Date): Promise<ThrottleAttempt> {
  const failures = sql`case when ${loginThrottles.lastFailureAt} < ${now}::timestamptz - interval '${sql.raw(FORGET_AFTER)}' then 1 else ${loginThrottles.failures} + 1 end`;
  // The lock is set in the same statement that counts the attempt (see lockDuration).
  const lockedUntil = sql`case when ${failures} >= ${FREE_FAILURES} then ${now}::timestamptz + least(${FIRST_LOCK_MS}::float8 * power(2, ${failures} - ${FREE_FAILURES}), ${LONGEST_LOCK_MS}::float8) * interval '1 millisecond' end`;
  const rows = await db
    .insert(loginThrottles)
    .values({ accountKey: key, failures: 1, lockedUntil: null, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.accountKey,
      set: { failures, lockedUntil, lastFailureAt: now },
      setWhere: sql`${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} <= ${now}::timestamptz`,
    })
    .returning({ failures: loginThrottles.failures, lockedUntil: loginThrottles.lockedUntil });
  const row = rows[0];
  if (!row) {
    const [locked] = await db.select().from(loginThrottles).where(eq(loginThrottles.accountKey, key));
    const until = locked?.lockedUntil?.getTime() ?? now.getTime();
    return { allowed: false, retryAfterMs: Math.max(until - now.getTime(), 1000) };
  }
  return { allowed: true, failures: row.failures, lockedUntil: row.lockedUntil };
}

/** How long an account stays locked, in ms, without counting an attempt (0: not locked). */
export async function lockRemaining(db: Executor, key: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.accountKey, key));
  return Math.max((row?.lockedUntil?.getTime() ?? 0) - now.getTime(), 0);
}

/** Writes the time of the last failure again: the commit an unknown account makes in place of an audit entry. */
export async function touchAttempt(db: Executor, key: string, now: Date): Promise<void> {
  await db.update(loginThrottles).set({ lastFailureAt: now }).where(eq(loginThrottles.accountKey, key));
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.accountKey, key));
}
