import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/password.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { loadActor } from '../organisation/load-actor.js';
import { users } from '../organisation/schema.js';
import { encryptSecret } from '../partners/secret-box.js';
import { openChallenge } from './login-challenges.js';
import {
  accountKey,
  beginAttempt,
  clearFailures,
  type ThrottleAttempt,
  touchAttempt,
} from './login-throttle.js';
import { findEnrolment, newTotpSecret, secondFactorRequired } from './second-factor.js';
import { createSession } from './sessions.js';

/** Where a sign-in stands after the password. */
export type LoginResult =
  | { kind: 'signed_in'; actor: Actor; token: string }
  | { kind: 'second_factor'; challengeToken: string; enrolment: { secret: string; uri: string } | null }
  | { kind: 'refused' }
  | { kind: 'locked'; retryAfterMs: number };

export interface LoginRequest {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Checks an e-mail and password. The account's failures are counted first, whether or not it
 * exists, and a locked account is refused without checking anything. Unknown accounts cost a
 * password hash too, so timing does not tell which addresses have accounts. Failures and
 * lockouts are audited against the account. Administrators and managers go on to a second factor.
 */
export async function logIn(
  db: Db,
  input: LoginRequest & { email: string; password: string },
): Promise<LoginResult> {
  const now = new Date();
  const key = accountKey(input.email);
  const attempt = await beginAttempt(db, key, now);
  if (!attempt.allowed) return { kind: 'locked', retryAfterMs: attempt.retryAfterMs };
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
  if (!user?.passwordHash || !user.active) {
    await verifyAgainstDummy(input.password);
    // A known account's failure commits its audit entry; this commits a write of the same kind,
    // so a server's commit time does not tell the two apart either.
    await db.transaction((tx) => touchAttempt(tx, key, now));
    return { kind: 'refused' };
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const actor = await loadActor(db, user.id);
  if (!actor) return { kind: 'refused' };
  return db.transaction(async (tx) => {
    const ctx = { tx, actor, requestId: input.requestId, ip: input.ip, now };
    if (!ok) {
      await recordAudit(ctx, { action: 'auth.login_failed', recordType: 'user', recordId: user.id });
      await auditLockout(tx, actor, input, attempt, now);
      return { kind: 'refused' } as const;
    }
    const enrolment = await findEnrolment(tx, user.id);
    if (enrolment || secondFactorRequired(actor)) {
      // The password was right; the account's failures stay counted until the second factor is.
      const fresh = enrolment ? null : newTotpSecret(user.email);
      const challengeToken = await openChallenge(tx, {
        userId: user.id,
        pendingSecret: fresh ? encryptSecret(fresh.secret) : null,
        now,
      });
      return { kind: 'second_factor', challengeToken, enrolment: fresh } as const;
    }
    return completeLogin(tx, actor, input, now);
  });
}

/**
 * Opens the session of a fully signed-in user, forgets the account's failures, and audits it
 * (`how` says how, when not by password: the provider, subject and methods of an OIDC sign-in).
 */
export async function completeLogin(
  tx: Tx,
  actor: Actor,
  input: LoginRequest,
  now: Date,
  how?: Record<string, unknown>,
): Promise<{ kind: 'signed_in'; actor: Actor; token: string }> {
  await clearFailures(tx, accountKey(actor.email));
  const token = await createSession(tx, { userId: actor.id, ip: input.ip, userAgent: input.userAgent, now });
  const ctx = { tx, actor, requestId: input.requestId, ip: input.ip, now };
  await recordAudit(ctx, {
    action: 'auth.login',
    recordType: 'user',
    recordId: actor.id,
    ...(how ? { after: how } : {}),
  });
  return { kind: 'signed_in', actor, token };
}

/** Audits the lock a failure put on the account, if it did. */
export async function auditLockout(
  tx: Tx,
  actor: Actor,
  input: LoginRequest,
  attempt: ThrottleAttempt,
  now: Date,
): Promise<void> {
  if (!attempt.allowed || !attempt.lockedUntil) return;
  const ctx = { tx, actor, requestId: input.requestId, ip: input.ip, now };
  await recordAudit(ctx, {
    action: 'auth.lockout',
    recordType: 'user',
    recordId: actor.id,
    after: { failures: attempt.failures, lockedUntil: attempt.lockedUntil.toISOString() },
  });
}
