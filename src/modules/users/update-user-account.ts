import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { endUserSessions } from '../auth/sessions.js';
import { userRoles, users } from '../organisation/schema.js';
import { checkGrantOffices } from './check-offices.js';
import { loadUserAccount } from './load-user-account.js';
import { voidPasswordLinks } from './password-links.js';
import type { UpdateUser, UserAccount } from './users-schemas.js';

/** Changes a user's name, language or roles (the roles given replace theirs). */
export async function updateUserAccount(
  ctx: ServiceContext,
  before: UserAccount,
  input: UpdateUser,
): Promise<UserAccount> {
  const missionId = ctx.actor.missionId;
  const details = {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(details).length > 0) {
    await ctx.tx.update(users).set(details).where(eq(users.id, before.id));
    await recordAudit(ctx, {
      action: 'user.update',
      recordType: 'user',
      recordId: before.id,
      before: { displayName: before.displayName, locale: before.locale },
      after: details,
    });
  }
  if (input.roles !== undefined) {
    await checkGrantOffices(ctx.tx, missionId, input.roles, before.roles);
    await ctx.tx
      .delete(userRoles)
      .where(and(eq(userRoles.missionId, missionId), eq(userRoles.userId, before.id)));
    if (input.roles.length > 0)
      await ctx.tx
        .insert(userRoles)
        .values(input.roles.map((grant) => ({ missionId, id: newId(), userId: before.id, ...grant })));
    await recordAudit(ctx, {
      action: 'user.roles_change',
      recordType: 'user',
      recordId: before.id,
      before: { roles: before.roles },
      after: { roles: input.roles },
    });
  }
  const { missionId: _, ...account } = await loadUserAccount(ctx.tx, missionId, before.id);
  return account;
}

/**
 * Deactivates a user: they can no longer sign in, their sessions end at once and their unused
 * password links stop working. Their records and history stay.
 */
export async function deactivateUser(ctx: ServiceContext, user: UserAccount): Promise<UserAccount> {
  await ctx.tx.update(users).set({ active: false }).where(eq(users.id, user.id));
  const endedSessions = await endUserSessions(ctx.tx, user.id);
  await voidPasswordLinks(ctx.tx, user.id, ctx.now);
  await recordAudit(ctx, {
    action: 'user.deactivate',
    recordType: 'user',
    recordId: user.id,
    after: { active: false, endedSessions },
  });
  return { ...user, active: false };
}

/** Lets a deactivated user sign in again (with the password they had, or a new link). */
export async function reactivateUser(ctx: ServiceContext, user: UserAccount): Promise<UserAccount> {
  await ctx.tx.update(users).set({ active: true }).where(eq(users.id, user.id));
  await recordAudit(ctx, {
    action: 'user.reactivate',
    recordType: 'user',
    recordId: user.id,
    after: { active: true },
  });
  return { ...user, active: true };
}
