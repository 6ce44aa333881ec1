import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { PersonRestriction } from '../persons/person-restriction.js';
import { casePolicy, RESTRICTING_FLAGS } from './case-policy.js';
import { caseGroupMembers, cases } from './schema.js';

/**
 * A person is restricted for an actor when they are on a trafficking case the actor may not read:
 * finding them by name, reading their phone or changing it would undo the case's protection.
 */
export const casePersonRestriction: PersonRestriction = {
  async classify(db, actor, personIds) {
    if (personIds.length === 0) return { restricted: new Set(), hidden: new Set() };
    const rows = await db
      .select({
        personId: caseGroupMembers.personId,
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
      .where(
        and(
          eq(caseGroupMembers.missionId, actor.missionId),
          inArray(caseGroupMembers.personId, [...personIds]),
          or(...RESTRICTING_FLAGS.map((flag) => sql`${flag} = any(${cases.vulnerabilities})`)),
        ),
      );
    return {
      restricted: new Set(rows.map((row) => row.personId)),
      hidden: new Set(rows.filter((row) => !casePolicy.read(actor, row)).map((row) => row.personId)),
    };
  },
};
