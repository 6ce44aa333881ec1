import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { endUserSessions } from '../auth/sessions.js';
import { missionSettingsColumns } from '../organisation/load-actor.js';
import { missions, users } from '../organisation/schema.js';
import { findLivePasswordLink } from './password-links.js';
import { type PasswordProblem, passwordProblem, passwordRefused } from './password-rules.js';
import { passwordLinks } from './schema.js';

const linkGone = () =>
  new HttpProblem({
    status: 410,
    title: 'Gone',
    detail: 'This link has expired or has already been used. Ask an administrator for a new one.',
  });

async function loadLinkUser(db: Executor, userId: string) {
  const [row] = await db
    .select({ user: users, mission: missionSettingsColumns })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Whom a live set-password link is for (the page greets them); 410 when expired or used. */
export async function describePasswordLink(database: Database, token: string, now: Date) {
  const link = await findLivePasswordLink(database.db, token, now);
  const row = link ? await loadLinkUser(database.db, link.userId) : null;
  if (!link || !row?.user.active) throw linkGone();
  return {
    email: row.user.email,
    displayName: row.user.displayName,
    purpose: link.purpose,
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * Sets a user's password through a one-time link: the link is used up, and every session of the
 * user ends (whoever held one signs in again with the new password).
 */
export async function setPasswordWithLink(
  database: Database,
  input: { token: string; password: string; requestId: string; ip: string | null; now: Date },
): Promise<{ email: string }> {
  return database.db.transaction(async (tx) => {
    const link = await findLivePasswordLink(tx, input.token, input.now, true);
    const row = link ? await loadLinkUser(tx, link.userId) : null;
    if (!link || !row?.user.active) throw linkGone();
    const { user, mission } = row;
    const problem = passwordProblem(input.password, user);
    if (problem) throw passwordRefused('password', problem);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
    await tx
      .update(passwordLinks)
      .set({ usedAt: input.now })
      .where(eq(passwordLinks.tokenHash, link.tokenHash));
    await endUserSessions(tx, user.id);
    // The user is the actor of their own password, even before they have ever signed in.
    const actor: Actor = {
      id: user.id,
      missionId: user.missionId,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      roles: [],
      mission,
    };
    await recordAudit(
      { tx, actor, requestId: input.requestId, ip: input.ip, now: input.now },
      {
        action: 'user.password_set',
        recordType: 'user',
        recordId: user.id,
        after: { purpose: link.purpose },
      },
    );
    return { email: user.email };
  });
}

/**
 * Changes the signed-in user's own password: the present one is required, the new one must pass
 * the rules, and every other session of theirs ends (a stolen session stops working).
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string; currentSessionToken: string | undefined },
): Promise<{ endedSessions: number }> {
  const [user] = await ctx.tx.select().from(users).where(eq(users.id, ctx.actor.id)).for('update');
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw passwordRefused('currentPassword', {
      code: 'password_wrong_current',
      message: 'The current password is not right.',
    });
  }
  const problem: PasswordProblem | null =
    input.newPassword === input.currentPassword
      ? { code: 'password_same_as_current', message: 'The new password must differ from the current one.' }
      : passwordProblem(input.newPassword, user);
  if (problem) throw passwordRefused('newPassword', problem);
  await ctx.tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword) })
    .where(eq(users.id, user.id));
  const endedSessions = await endUserSessions(ctx.tx, user.id, { exceptToken: input.currentSessionToken });
  await recordAudit(ctx, {
    action: 'user.password_change',
    recordType: 'user',
    recordId: user.id,
    after: { endedSessions },
  });
  return { endedSessions };
}
