import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { offices, users } from '../organisation/schema.js';
import { presentPerson } from '../persons/present-person.js';
import { personDocuments } from '../persons/schema.js';
import type { CaseDetail } from './case-schemas.js';
import type { CaseRow } from './load-case.js';
import { loadCaseMembers } from './load-case-members.js';
import { presentCaseDetail, type UserRef } from './present-case.js';

/** Loads what the case page shows about a case: its office, assignee and people with their documents. */
export async function getCaseDetail(db: Executor, actor: Actor, kase: CaseRow): Promise<CaseDetail> {
  const officeIds = [kase.officeId, ...(kase.returnOfficeId ? [kase.returnOfficeId] : [])];
  // The offices and the assignee in one statement: the assignee rides along on each office row.
  const officeRows = await db
    .select({
      id: offices.id,
      name: offices.name,
      assignee: kase.assigneeId
        ? sql<UserRef | null>`(select json_build_object('id', ${users.id}, 'displayName', ${users.displayName}, 'email', ${users.email})
             from ${users} where ${users.id} = ${kase.assigneeId})`
        : sql<null>`null`,
    })
    .from(offices)
    .where(and(eq(offices.missionId, kase.missionId), inArray(offices.id, officeIds)));
  const office = officeRows.find((row) => row.id === kase.officeId);
  const returnOffice = officeRows.find((row) => row.id === kase.returnOfficeId) ?? null;
  let assignee: UserRef | null = officeRows[0]?.assignee ?? null;
  if (kase.assigneeId && officeRows.length === 0) {
    const [user] = await db
      .select({ id: users.id, displayName: users.displayName, email: users.email })
      .from(users)
      .where(eq(users.id, kase.assigneeId));
    assignee = user ?? null;
  }
  const members = await loadCaseMembers(db, kase);
  const documents =
    members.length === 0
      ? []
      : await db
          .select()
          .from(personDocuments)
          .where(
            and(
              eq(personDocuments.missionId, kase.missionId),
              inArray(
                personDocuments.personId,
                members.map((m) => m.person.id),
              ),
            ),
          )
          .orderBy(asc(personDocuments.createdAt));
  return presentCaseDetail(actor, kase, {
    office: office ? { id: office.id, name: office.name } : { id: kase.officeId, name: '' },
    returnOffice: returnOffice ? { id: returnOffice.id, name: returnOffice.name } : null,
    assignee,
    persons: members.map(({ role, person }) => ({
      ...presentPerson(
        person,
        documents.filter((doc) => doc.personId === person.id),
      ),
      role,
    })),
  });
}
