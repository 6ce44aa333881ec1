import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { type PersonRow, persons } from '../persons/schema.js';
import { caseGroupMembers } from './schema.js';

/** The people of a case's group, principal first, with their role on the case. */
export async function loadCaseMembers(
  db: Executor,
  kase: { missionId: string; caseGroupId: string },
): Promise<{ role: 'principal' | 'member'; person: PersonRow }[]> {
  return db
    .select({ role: caseGroupMembers.role, person: persons })
    .from(caseGroupMembers)
    .innerJoin(
      persons,
      and(eq(persons.missionId, caseGroupMembers.missionId), eq(persons.id, caseGroupMembers.personId)),
    )
    .where(
      and(eq(caseGroupMembers.missionId, kase.missionId), eq(caseGroupMembers.caseGroupId, kase.caseGroupId)),
    )
    .orderBy(asc(caseGroupMembers.position));
}
