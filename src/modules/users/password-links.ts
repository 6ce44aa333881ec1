import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { type PasswordLinkPurpose, passwordLinks } from './schema.js';

/** How long a set-password link stays valid: long enough for a new colleague's first day. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60 * 1000;

/** The SHA-256 of a link's token, the only form in which the database keeps it. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The address of the set-password page for a token. */
export function passwordLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/set-password#token=${token}`;
}

/**
 * Makes a new one-time link for the user and voids their earlier unused ones, so only the newest
 * link works. Returns the token (to show once and e-mail) and when it expires.
 */
export async function issuePasswordLink(
  ctx: ServiceContext,
  options: { userId: string; purpose: PasswordLinkPurpose },
): Promise<{ token: string; expiresAt: Date }> {
  await voidPasswordLinks(ctx.tx, options.userId, ctx.now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + PASSWORD_LINK_TTL_MS);
  await ctx.tx.insert(passwordLinks).values({
    tokenHash: hashLinkToken(token),
    userId: options.userId,
    purpose: options.purpose,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Makes every unused link of the user void (a newer link, a deactivation, a password set). */
export async function voidPasswordLinks(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordLinks)
    .set({ usedAt: now })
    .where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)));
}

/** The live link of a token (unused, not expired), locked for the caller's transaction; null otherwise. */
export async function findLivePasswordLink(db: Executor, token: string, now: Date, lock = false) {
  const query = db
    .select()
    .from(passwordLinks)
    .where(
      and(
        eq(passwordLinks.tokenHash, hashLinkToken(token)),
        isNull(passwordLinks.usedAt),
        gt(passwordLinks.expiresAt, now),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}
