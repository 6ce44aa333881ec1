import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict } from '../../platform/http/problem.js';
import { issuePasswordLink, passwordLinkUrl } from './password-links.js';
import type { UserAccount } from './users-schemas.js';

/**
 * Sends a user a new one-time link to set their password (earlier links stop working), announced
 * as `user.password_reset` (which e-mails it), and returns it to show the administrator once. Their
 * present password keeps working until they set a new one.
 */
export async function sendPasswordLink(
  ctx: ServiceContext,
  user: UserAccount,
  options: { publicUrl: string },
): Promise<{ url: string; expiresAt: string }> {
  if (!user.active) throw conflict('The user is deactivated: reactivate them first.');
  const link = await issuePasswordLink(ctx, { userId: user.id, purpose: 'reset' });
  const url = passwordLinkUrl(options.publicUrl, link.token);
  const expiresAt = link.expiresAt.toISOString();
  await recordAudit(ctx, {
    action: 'user.password_link',
    recordType: 'user',
    recordId: user.id,
    after: { expiresAt },
  });
  await emitEvent(ctx, 'user.password_reset', {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    link: url,
    expiresAt,
  });
  return { url, expiresAt };
}
