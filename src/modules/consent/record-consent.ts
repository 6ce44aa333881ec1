import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { partners } from '../partners/schema.js';
import type { RecordConsent } from './consent-schemas.js';
import { type PersonConsentRow, personConsents } from './schema.js';

/** Records a consent a person gave, audited; a sharing consent must name a partner of the mission. */
export async function recordConsent(
  ctx: ServiceContext,
  personId: string,
  input: RecordConsent,
): Promise<PersonConsentRow> {
  const missionId = ctx.actor.missionId;
  if (input.givenOn > ctx.now.toISOString().slice(0, 10)) {
    throw unprocessable('A consent cannot be given in the future.', undefined, [
      { path: 'givenOn', message: 'must not be after today' },
    ]);
  }
  if (input.partnerId) {
    const [partner] = await ctx.tx
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.missionId, missionId), eq(partners.id, input.partnerId)));
    if (!partner) {
      throw unprocessable('No such partner in this mission.', undefined, [
        { path: 'partnerId', message: 'unknown partner' },
      ]);
    }
  }
  const [row] = await ctx.tx
    .insert(personConsents)
    .values({
      missionId,
      id: newId(),
      personId,
      purpose: input.purpose,
      partnerId: input.partnerId ?? null,
      givenOn: input.givenOn,
      how: input.how,
      recordedBy: ctx.actor.id,
      recordedAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, { action: 'consent.give', recordType: 'person', recordId: personId, after: row });
  return row!;
}
