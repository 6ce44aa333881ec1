import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseEvents, caseGroupMembers, cases } from '../cases/schema.js';
import { findDuplicatePersons } from '../persons/find-duplicate-persons.js';
import { type PersonRow, personDocuments, persons } from '../persons/schema.js';
import type { Declarations, EarlierDeparture, EligibilityInputs } from './evaluate-eligibility.js';

// A look-alike counts as the same person only with a very similar name (name score at least 0.8)
// and both the date of birth and a nationality in common.
const SIMILAR_PERSON_MIN_SCORE = 0.9;
// Statuses a case reaches only after the person has left.
const DEPARTED_OR_LATER = ['departed', 'arrived', 'reintegration', 'monitoring'];

/** Gathers what an eligibility decision reads about a case and its people. */
export async function gatherEligibilityInputs(
  db: Executor,
  kase: CaseRow,
  declarations: Declarations,
  timeZone: string,
): Promise<EligibilityInputs> {
  const members = await db
    .select({ person: persons })
    .from(caseGroupMembers)
    .innerJoin(
      persons,
      and(eq(persons.missionId, caseGroupMembers.missionId), eq(persons.id, caseGroupMembers.personId)),
    )
    .where(
      and(eq(caseGroupMembers.missionId, kase.missionId), eq(caseGroupMembers.caseGroupId, kase.caseGroupId)),
    )
    .orderBy(asc(caseGroupMembers.position));
  const ids = members.map((m) => m.person.id);
  const documents =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(personDocuments)
          .where(and(eq(personDocuments.missionId, kase.missionId), inArray(personDocuments.personId, ids)));
  const result: EligibilityInputs['persons'] = [];
  for (const { person } of members) {
    const own = documents.filter((doc) => doc.personId === person.id);
    result.push({
      id: person.id,
      displayName: `${person.givenName} ${person.familyName}`,
      dateOfBirth: person.dateOfBirth,
      nationalities: person.nationalities,
      residencePermits: own
        .filter((doc) => doc.kind === 'residence_permit')
        .map((doc) => ({ country: doc.issuingCountry, validUntil: doc.validUntil })),
      travelDocuments: own
        .filter((doc) => doc.kind === 'passport' || doc.kind === 'laissez_passer')
        .map((doc) => ({ kind: doc.kind, validUntil: doc.validUntil })),
      earlierDepartures: await findEarlierDepartures(db, kase, person, timeZone),
    });
  }
  return { caseId: kase.id, vulnerabilities: [...kase.vulnerabilities], persons: result, declarations };
}

/**
 * Assisted departures on other AVRR cases of this person, or of a person registered separately
 * who is very probably the same one (similar name, same date of birth, a shared nationality).
 */
export async function findEarlierDepartures(
  db: Executor,
  kase: CaseRow,
  person: PersonRow,
  timeZone: string,
): Promise<EarlierDeparture[]> {
  const lookalikes = await findDuplicatePersons(
    db,
    kase.missionId,
    {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth ?? undefined,
      dateOfBirthPrecision: person.dateOfBirthPrecision,
      nationalities: person.nationalities,
    },
    { excludePersonId: person.id },
  );
  const similar = lookalikes
    .filter(
      (c) =>
        c.score >= SIMILAR_PERSON_MIN_SCORE &&
        c.reasons.includes('date_of_birth') &&
        c.reasons.includes('nationality'),
    )
    .map((c) => c.person.id);
  const departedAt = sql<Date | null>`(select max(${caseEvents.occurredAt}) from ${caseEvents}
    where ${caseEvents.missionId} = ${cases.missionId} and ${caseEvents.caseId} = ${cases.id}
      and ${caseEvents.kind} = 'status_changed' and ${caseEvents.data}->>'to' = 'departed')`.mapWith(
    (value: unknown) => (value === null ? null : new Date(value as string)),
  );
  const rows = await db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      status: cases.status,
      statusChangedAt: cases.statusChangedAt,
      personId: caseGroupMembers.personId,
      departedAt,
    })
    .from(cases)
    .innerJoin(
      caseGroupMembers,
      and(
        eq(caseGroupMembers.missionId, cases.missionId),
        eq(caseGroupMembers.caseGroupId, cases.caseGroupId),
      ),
    )
    .where(
      and(
        eq(cases.missionId, kase.missionId),
        ne(cases.id, kase.id),
        eq(cases.programme, 'avrr'),
        inArray(caseGroupMembers.personId, [person.id, ...similar]),
      ),
    );
  const departures: EarlierDeparture[] = [];
  for (const row of rows) {
    // A case moved past departure without the event (imported history) counts from its last change:
    // later than the real departure, so the five years are never cut short.
    const at = row.departedAt ?? (DEPARTED_OR_LATER.includes(row.status) ? row.statusChangedAt : null);
    if (!at) continue;
    departures.push({
      caseId: row.caseId,
      reference: row.reference,
      departedOn: localDate(at, timeZone),
      match: row.personId === person.id ? 'same_person' : 'similar_person',
      matchedPersonId: row.personId,
    });
  }
  return departures.sort((a, b) => b.departedOn.localeCompare(a.departedOn));
}
