import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { sessions } from './schema.js';

/** How long a session lasts without use, and at most. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
// Touching the session on every request would write on every read; once a few minutes is enough.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export const SESSION_COOKIE = 'passage_session';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(
  db: Executor,
  options: { userId: string; ip: string | null; userAgent: string | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: options.userId,
    createdAt: options.now,
    expiresAt: new Date(options.now.getTime() + SESSION_MAX_MS),
    lastSeenAt: options.now,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The user id of a live session, or null when the token is unknown, expired or idle too long. */
export async function findSessionUser(db: Executor, token: string, now: Date): Promise<string | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (idle > TOUCH_AFTER_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return row.userId;
}

/** Ends a session. */
export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user, except the one whose token is given (the caller's own). */
export async function endUserSessions(
  db: Executor,
  userId: string,
  options: { exceptToken?: string } = {},
): Promise<number> {
  const condition = options.exceptToken
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(options.exceptToken)))
    : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(condition).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
