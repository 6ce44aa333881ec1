import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { isActiveReferralSource } from '../organisation/referral-sources.js';
import { offices } from '../organisation/schema.js';
import { type PartnerRow, partners } from './schema.js';

/** A partner of the mission, or 404. */
export async function loadPartner(db: Executor, missionId: string, partnerId: string): Promise<PartnerRow> {
  const [row] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.missionId, missionId), eq(partners.id, partnerId)));
  if (!row) throw notFound('Partner');
  return row;
}

/** Refuses a referral source or office that is not the mission's, naming the field. */
export async function validatePartnerReferences(
  db: Executor,
  missionId: string,
  input: { referralSource?: string; defaultOfficeId?: string },
): Promise<void> {
  const errors = [];
  if (input.referralSource && !(await isActiveReferralSource(db, missionId, input.referralSource)))
    errors.push({ path: 'body.referralSource', message: 'is not an active referral source' });
  if (input.defaultOfficeId) {
    const [office] = await db
      .select({ id: offices.id })
      .from(offices)
      .where(and(eq(offices.missionId, missionId), eq(offices.id, input.defaultOfficeId)));
    if (!office) errors.push({ path: 'body.defaultOfficeId', message: 'is not an office of the mission' });
  }
  if (errors.length > 0) throw badRequest('The partner refers to unknown records.', errors);
}
