import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { type CaseRow, loadCaseIf } from '../cases/load-case.js';
import { loadCaseMembers } from '../cases/load-case-members.js';
import { personDocuments } from '../persons/schema.js';
import { movementsPolicy } from './movements-policy.js';

/**
 * Loads a case whose travel the actor may see: one they may read, or (for the movements team) a
 * restricted case of an office they serve. 404 otherwise, so its existence is not disclosed.
 */
export async function loadCaseForTravel(
  db: Executor,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  return loadCaseIf(db, actor, caseId, movementsPolicy.readCaseTravel, options);
}

/**
 * What travel needs of a case, and nothing more: its reference and status, and each traveller's
 * names, sex, date of birth, nationalities, language, phone and identity documents. No
 * vulnerabilities, notes, counselling or procedure details: the movements team sees this of a
 * restricted case.
 */
export async function getCaseTravel(db: Executor, kase: CaseRow) {
  const members = await loadCaseMembers(db, kase);
  const ids = members.map((m) => m.person.id);
  const documents =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(personDocuments)
          .where(and(eq(personDocuments.missionId, kase.missionId), inArray(personDocuments.personId, ids)))
          .orderBy(asc(personDocuments.createdAt));
  return {
    case: { id: kase.id, reference: kase.reference, status: kase.status, officeId: kase.officeId },
    travellers: members.map(({ role, person }) => ({
      personId: person.id,
      role,
      givenName: person.givenName,
      familyName: person.familyName,
      givenNameNative: person.givenNameNative,
      familyNameNative: person.familyNameNative,
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      nationalities: person.nationalities,
      preferredLanguage: person.preferredLanguage,
      phone: person.phone,
      documents: documents
        .filter((d) => d.personId === person.id)
        .map((d) => ({
          kind: d.kind,
          number: d.number,
          issuingCountry: d.issuingCountry,
          validFrom: d.validFrom,
          validUntil: d.validUntil,
        })),
    })),
  };
}
