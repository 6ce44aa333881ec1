import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/database.js';
import { loadActor } from '../organisation/load-actor.js';
import { users } from '../organisation/schema.js';
import { createSession } from './sessions.js';

/** Checks an e-mail and password; on success opens a session. Failures are audited against the account. */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null; requestId: string },
): Promise<{ actor: Actor; token: string } | null> {
  const now = new Date();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
  if (!user?.passwordHash || !user.active) {
    await verifyAgainstDummy(input.password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const actor = await loadActor(db, user.id);
  if (!actor) return null;
  return db.transaction(async (tx) => {
    const ctx = { tx, actor, requestId: input.requestId, ip: input.ip, now };
    if (!ok) {
      await recordAudit(ctx, { action: 'auth.login_failed', recordType: 'user', recordId: user.id });
      return null;
    }
    const token = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, now });
    await recordAudit(ctx, { action: 'auth.login', recordType: 'user', recordId: user.id });
    return { actor, token };
  });
}
