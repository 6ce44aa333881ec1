import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';

/** Whether a person has a standing consent to sharing their data with a partner on a day. */
export type SharingConsentCheck = (
  db: Executor,
  query: { missionId: string; personId: string; partnerId: string; on: string },
) => Promise<boolean>;

let sharingConsent: SharingConsentCheck | null = null;

/**
 * Installs the consent module's check, once at start-up (src/event-subscribers.ts): the consent
 * module names partners, so partners cannot import it without a cycle. Without it nothing personal
 * is sent: the check fails closed.
 */
export function installSharingConsentCheck(check: SharingConsentCheck): void {
  sharingConsent = check;
}

/** True when the person consented, on the context's day, to sharing their data with the partner. */
export async function consentedToPartner(
  ctx: ServiceContext,
  personId: string,
  partnerId: string,
): Promise<boolean> {
  if (!sharingConsent) return false;
  const on = ctx.now.toISOString().slice(0, 10);
  return sharingConsent(ctx.tx, { missionId: ctx.actor.missionId, personId, partnerId, on });
}

/** True when there is someone concerned and every one of them consented to sharing with the partner. */
export async function allConsentedToPartner(
  ctx: ServiceContext,
  personIds: string[],
  partnerId: string,
): Promise<boolean> {
  if (personIds.length === 0) return false;
  for (const personId of personIds) {
    if (!(await consentedToPartner(ctx, personId, partnerId))) return false;
  }
  return true;
}
