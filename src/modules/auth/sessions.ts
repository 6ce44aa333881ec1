import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { sessions } from './schema.js';

/** How long a session lasts without use, and at most. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
// Touching the session on every request would write on every read; once a few minutes is enough.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export const SESSION_COOKIE = 'passage_session';

export function hashToken(token: string): string {
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

/**
 * Applies the idle rule to a session found unexpired (the session lookup is in
 * resolve-session-actor.ts): ends it when idle too long (false), and
 * otherwise records its use, at most once every few minutes (true).
 */
export async function keepSessionAlive(
  db: Executor,
  tokenHash: string,
  lastSeenAt: Date,
  now: Date,
): Promise<boolean> {
  const idle = now.getTime() - lastSeenAt.getTime();
  if (idle > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return false;
  }
  if (idle > TOUCH_AFTER_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return true;
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
