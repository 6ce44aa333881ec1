import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { loginChallenges } from './schema.js';

/** The cookie that carries a half-done sign-in between the password and the second factor. */
export const CHALLENGE_COOKIE = 'passage_login_challenge';
/** How long the second step may take. */
export const CHALLENGE_MS = 5 * 60 * 1000;
/** Wrong codes allowed on one challenge before the password must be given again. */
export const CHALLENGE_TRIES = 5;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a challenge for a user whose password was right; returns the token for the cookie. */
export async function openChallenge(
  db: Executor,
  options: { userId: string; pendingSecret: string | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // Old challenges are of no use to anyone: clear them while we are here.
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, options.now));
  await db.insert(loginChallenges).values({
    tokenHash: hashToken(token),
    userId: options.userId,
    expiresAt: new Date(options.now.getTime() + CHALLENGE_MS),
    pendingSecret: options.pendingSecret,
  });
  return token;
}

/** The live challenge of a token, or null. */
export async function findChallenge(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.tokenHash, hashToken(token)), gt(loginChallenges.expiresAt, now)));
  return row ?? null;
}

/** Counts a wrong code; the challenge ends after CHALLENGE_TRIES. */
export async function countChallengeFailure(db: Executor, token: string, failures: number): Promise<void> {
  if (failures + 1 >= CHALLENGE_TRIES) await closeChallenge(db, token);
  else
    await db
      .update(loginChallenges)
      .set({ failures: failures + 1 })
      .where(eq(loginChallenges.tokenHash, hashToken(token)));
}

/** Ends a challenge (used, or given up). */
export async function closeChallenge(db: Executor, token: string): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.tokenHash, hashToken(token)));
}
