import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { createUser } from '../organisation/create-mission.js';
import { users } from '../organisation/schema.js';
import { checkGrantOffices } from './check-offices.js';
import { loadUserAccount } from './load-user-account.js';
import { issuePasswordLink, passwordLinkUrl } from './password-links.js';
import type { CreateUser, UserAccount } from './users-schemas.js';

/**
 * Adds a user to the actor's mission with their roles and no password, and makes a one-time link
 * for them to set one: announced as `user.invited` (which e-mails it) and returned to show once.
 */
export async function createUserAccount(
  ctx: ServiceContext,
  input: CreateUser,
  options: { publicUrl: string },
): Promise<{ user: UserAccount; passwordLink: { url: string; expiresAt: string } }> {
  const email = input.email.trim().toLowerCase();
  const [taken] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw conflict(`There is already a user with the e-mail address ${email}.`);
  await checkGrantOffices(ctx.tx, ctx.actor.missionId, input.roles);
  const { id } = await createUser(ctx.tx, {
    missionId: ctx.actor.missionId,
    email,
    displayName: input.displayName,
    passwordHash: null,
    locale: input.locale ?? ctx.actor.mission.locale,
    roles: input.roles,
  });
  const user = await loadUserAccount(ctx.tx, ctx.actor.missionId, id);
  const link = await issuePasswordLink(ctx, { userId: id, purpose: 'invite' });
  const url = passwordLinkUrl(options.publicUrl, link.token);
  await recordAudit(ctx, {
    action: 'user.create',
    recordType: 'user',
    recordId: id,
    after: { email, displayName: user.displayName, locale: user.locale, roles: user.roles },
  });
  await emitEvent(ctx, 'user.invited', {
    userId: id,
    email,
    displayName: user.displayName,
    locale: user.locale,
    link: url,
    expiresAt: link.expiresAt.toISOString(),
  });
  const { missionId: _, ...account } = user;
  return { user: account, passwordLink: { url, expiresAt: link.expiresAt.toISOString() } };
}
