import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound, unprocessable } from '../../platform/http/problem.js';
import type { WithdrawConsent } from './consent-schemas.js';
import { type PersonConsentRow, personConsents } from './schema.js';

/** Records that a person withdrew a consent, audited; from that day no transfer relies on it. */
export async function withdrawConsent(
  ctx: ServiceContext,
  personId: string,
  consentId: string,
  input: WithdrawConsent,
): Promise<PersonConsentRow> {
  const c = personConsents;
  const where = and(eq(c.missionId, ctx.actor.missionId), eq(c.personId, personId), eq(c.id, consentId));
  // Lock the row so two withdrawals of the same consent cannot both succeed.
  const [before] = await ctx.tx.select().from(c).where(where).for('update');
  if (!before) throw notFound('Consent');
  if (before.withdrawnOn !== null) throw conflict('This consent is already withdrawn.');
  const withdrawnOn = input.withdrawnOn ?? ctx.now.toISOString().slice(0, 10);
  if (withdrawnOn < before.givenOn || withdrawnOn > ctx.now.toISOString().slice(0, 10)) {
    throw unprocessable('A consent is withdrawn between the day it was given and today.', undefined, [
      { path: 'withdrawnOn', message: 'must be between givenOn and today' },
    ]);
  }
  const [after] = await ctx.tx
    .update(c)
    .set({ withdrawnOn, withdrawnBy: ctx.actor.id })
    .where(where)
    .returning();
  await recordAudit(ctx, {
    action: 'consent.withdraw',
    recordType: 'person',
    recordId: personId,
    before,
    after,
  });
  return after!;
}
