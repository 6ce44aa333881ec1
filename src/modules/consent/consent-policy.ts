import { and, eq } from 'drizzle-orm';
import { type Actor, hasRole } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { casePolicy } from '../cases/case-policy.js';
import { caseGroupMembers, cases } from '../cases/schema.js';

// Managers and administrators keep the consents of anyone in the mission; counsellors (and the
// vulnerable-cases officer) those of the people on a case they may read.
const MISSION_ROLES = ['manager', 'admin'];
const CASEWORK_ROLES = ['counsellor', 'vulnerable_cases_officer'];

/** May the actor read and record the consents of this person? */
export async function mayManageConsents(db: Executor, actor: Actor, personId: string): Promise<boolean> {
  if (hasRole(actor, ...MISSION_ROLES)) return true;
  if (!hasRole(actor, ...CASEWORK_ROLES)) return false;
  const personCases = await db
    .select({
      missionId: cases.missionId,
      officeId: cases.officeId,
      returnOfficeId: cases.returnOfficeId,
      assigneeId: cases.assigneeId,
      vulnerabilities: cases.vulnerabilities,
    })
    .from(caseGroupMembers)
    .innerJoin(
      cases,
      and(
        eq(cases.missionId, caseGroupMembers.missionId),
        eq(cases.caseGroupId, caseGroupMembers.caseGroupId),
      ),
    )
    .where(and(eq(caseGroupMembers.missionId, actor.missionId), eq(caseGroupMembers.personId, personId)));
  return personCases.some((kase) => casePolicy.read(actor, kase) && hasRole(actor, ...CASEWORK_ROLES));
}
