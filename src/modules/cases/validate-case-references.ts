import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { badRequest, type FieldError } from '../../platform/http/problem.js';
import { isActiveReferralSource } from '../organisation/referral-sources.js';
import { offices, users } from '../organisation/schema.js';
import { findPersons } from '../persons/get-person.js';

/** Checks that the ids and codes a case refers to exist in the mission; throws 400 naming each bad field. */
export async function validateCaseReferences(
  db: Executor,
  missionId: string,
  refs: {
    officeId?: string;
    returnOfficeId?: string | null;
    assigneeId?: string | null;
    referralSource?: string;
    personIds?: string[];
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.officeId) {
    const [office] = await db
      .select({ id: offices.id })
      .from(offices)
      .where(and(eq(offices.missionId, missionId), eq(offices.id, refs.officeId)));
    if (!office) errors.push({ path: 'body.officeId', message: 'is not an office of this mission' });
  }
  if (refs.returnOfficeId) {
    const [office] = await db
      .select({ kind: offices.kind })
      .from(offices)
      .where(and(eq(offices.missionId, missionId), eq(offices.id, refs.returnOfficeId)));
    if (office?.kind !== 'origin_office') {
      errors.push({
        path: 'body.returnOfficeId',
        message: 'is not an office of this mission in a country of origin',
      });
    }
  }
  if (refs.assigneeId) {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.missionId, missionId), eq(users.id, refs.assigneeId), eq(users.active, true)));
    if (!user) errors.push({ path: 'body.assigneeId', message: 'is not an active user of this mission' });
  }
  if (
    refs.referralSource !== undefined &&
    !(await isActiveReferralSource(db, missionId, refs.referralSource))
  ) {
    errors.push({ path: 'body.referralSource', message: 'is not an active referral source' });
  }
  if (refs.personIds && refs.personIds.length > 0) {
    const found = await findPersons(db, missionId, refs.personIds);
    const known = new Set(found.map((row) => row.id));
    refs.personIds.forEach((id, index) => {
      if (!known.has(id))
        errors.push({ path: `body.personIds.${index}`, message: 'is not a person of this mission' });
    });
    if (new Set(refs.personIds).size !== refs.personIds.length) {
      errors.push({ path: 'body.personIds', message: 'lists a person twice' });
    }
  }
  if (errors.length > 0) throw badRequest('The case refers to records that do not exist.', errors);
}
