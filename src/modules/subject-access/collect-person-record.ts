import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { caseDocuments, caseEvents, caseGroupMembers, caseNotes, cases, caseTasks } from '../cases/schema.js';
import { personConsents } from '../consent/schema.js';
import { counsellingSessions } from '../counselling/schema.js';
import { eligibilityDecisions } from '../eligibility/schema.js';
import { monitoringVisits, sustainabilitySurveys } from '../monitoring/schema.js';
import { bookingPassengers, bookingSegments, bookings } from '../movements/schema.js';
import { users } from '../organisation/schema.js';
import { referrals } from '../partners/schema.js';
import { personDocuments, persons } from '../persons/schema.js';
import { grantDisbursements, reintegrationGrants, reintegrationPlans } from '../reintegration/schema.js';
import { personAnonymisations } from '../retention/schema.js';
import { travelDocumentRequests } from '../travel-documents/schema.js';
import { vulnerabilitySteps } from '../vulnerability/schema.js';

type Row = Record<string, unknown>;

/** One entry of the log of who read or changed the person's records. */
export interface AccessEntry {
  at: Date;
  actorType: string;
  actor: { id: string; displayName: string; email: string } | null;
  action: string;
  recordType: string;
  recordId: string;
  ip: string | null;
}

/** Everything the mission holds about one person, by kind, as stored. */
export interface PersonRecord {
  person: Row;
  anonymisedAt: Date | null;
  identityDocuments: Row[];
  cases: Row[];
  caseGroupMembers: Row[];
  events: Row[];
  notes: Row[];
  tasks: Row[];
  documents: Row[];
  counsellingSessions: Row[];
  eligibilityDecisions: Row[];
  vulnerabilitySteps: Row[];
  travelDocumentRequests: Row[];
  bookings: Row[];
  bookingSegments: Row[];
  bookingPassengers: Row[];
  reintegrationPlans: Row[];
  grants: Row[];
  disbursements: Row[];
  monitoringVisits: Row[];
  sustainabilitySurveys: Row[];
  referrals: Row[];
  messages: Row[];
  consents: Row[];
  accessLog: AccessEntry[];
}

// The keys every mission-owned row carries: the person does not need the tenant key.
function strip<T extends Row>(rows: T[]): Row[] {
  return rows.map(({ missionId: _missionId, ...rest }) => rest);
}

/**
 * Gathers everything held about a person: the person and their identity documents, their cases
 * and all that hangs off them (timeline, notes, tasks, documents' metadata, counselling,
 * decisions, vulnerability steps, travel documents, bookings, plans, grants and disbursements,
 * monitoring, referrals, the messages sent), the consents they gave and withdrew, and the audit trail's log of who read or changed
 * the person, their cases and their documents.
 */
export async function collectPersonRecord(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<PersonRecord> {
  const [person] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, missionId), eq(persons.id, personId)));
  if (!person) throw notFound('Person');
  const { missionId: _tenant, nameKey: _k, nameSkeleton: _s, ...personFields } = person;
  const [anonymised] = await db
    .select({ at: personAnonymisations.anonymisedAt })
    .from(personAnonymisations)
    .where(and(eq(personAnonymisations.missionId, missionId), eq(personAnonymisations.personId, personId)));

  const groupIds = (
    await db
      .select({ id: caseGroupMembers.caseGroupId })
      .from(caseGroupMembers)
      .where(and(eq(caseGroupMembers.missionId, missionId), eq(caseGroupMembers.personId, personId)))
  ).map((row) => row.id);
  const caseRows =
    groupIds.length === 0
      ? []
      : await db
          .select()
          .from(cases)
          .where(and(eq(cases.missionId, missionId), inArray(cases.caseGroupId, groupIds)))
          .orderBy(asc(cases.createdAt));
  const caseIds = caseRows.map((row) => row.id);
  // Each table that hangs off a case, read for the person's cases.
  const ofCases = async (table: CaseTable, order: AnyPgColumn): Promise<Row[]> => {
    if (caseIds.length === 0) return [];
    const rows = await db
      .select()
      .from(table as PgTable)
      .where(and(eq(table.missionId, missionId), inArray(table.caseId, caseIds)))
      .orderBy(asc(order));
    return strip(rows as Row[]);
  };

  const passengerRows = await db
    .select()
    .from(bookingPassengers)
    .where(and(eq(bookingPassengers.missionId, missionId), eq(bookingPassengers.personId, personId)));
  const bookingIds = [...new Set(passengerRows.map((row) => row.bookingId))];
  const bookingRows =
    bookingIds.length === 0
      ? []
      : await db
          .select()
          .from(bookings)
          .where(and(eq(bookings.missionId, missionId), inArray(bookings.id, bookingIds)))
          .orderBy(asc(bookings.createdAt));
  const segmentRows =
    bookingIds.length === 0
      ? []
      : await db
          .select()
          .from(bookingSegments)
          .where(
            and(eq(bookingSegments.missionId, missionId), inArray(bookingSegments.bookingId, bookingIds)),
          );
  const documentRows = await ofCases(caseDocuments, caseDocuments.createdAt);
  const noteRows = await ofCases(caseNotes, caseNotes.createdAt);
  const messageRows =
    caseIds.length === 0
      ? []
      : await db
          .select({
            id: outboxMessages.id,
            caseId: outboxMessages.caseId,
            channel: outboxMessages.channel,
            kind: outboxMessages.kind,
            status: outboxMessages.status,
            attempts: outboxMessages.attempts,
            payload: outboxMessages.payload,
            createdAt: outboxMessages.createdAt,
            sentAt: outboxMessages.sentAt,
          })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.missionId, missionId), inArray(outboxMessages.caseId, caseIds)))
          .orderBy(asc(outboxMessages.createdAt));

  return {
    person: personFields,
    anonymisedAt: anonymised?.at ?? null,
    identityDocuments: strip(
      await db
        .select()
        .from(personDocuments)
        .where(and(eq(personDocuments.missionId, missionId), eq(personDocuments.personId, personId))),
    ),
    cases: strip(caseRows),
    caseGroupMembers:
      groupIds.length === 0
        ? []
        : strip(
            await db
              .select()
              .from(caseGroupMembers)
              .where(
                and(
                  eq(caseGroupMembers.missionId, missionId),
                  inArray(caseGroupMembers.caseGroupId, groupIds),
                ),
              ),
          ),
    events: await ofCases(caseEvents, caseEvents.occurredAt),
    notes: noteRows,
    tasks: await ofCases(caseTasks, caseTasks.createdAt),
    // What each document is, never its content: the files stay where they are.
    documents: documentRows.map(({ storageKey: _key, ...rest }) => rest),
    counsellingSessions: await ofCases(counsellingSessions, counsellingSessions.heldOn),
    eligibilityDecisions: await ofCases(eligibilityDecisions, eligibilityDecisions.decidedAt),
    vulnerabilitySteps: await ofCases(vulnerabilitySteps, vulnerabilitySteps.position),
    travelDocumentRequests: strip(
      await db
        .select()
        .from(travelDocumentRequests)
        .where(
          and(eq(travelDocumentRequests.missionId, missionId), eq(travelDocumentRequests.personId, personId)),
        ),
    ),
    bookings: strip(bookingRows),
    bookingSegments: strip(segmentRows),
    bookingPassengers: strip(passengerRows),
    reintegrationPlans: await ofCases(reintegrationPlans, reintegrationPlans.draftedAt),
    grants: await ofCases(reintegrationGrants, reintegrationGrants.createdAt),
    disbursements: await ofCases(grantDisbursements, grantDisbursements.recordedAt),
    monitoringVisits: await ofCases(monitoringVisits, monitoringVisits.createdAt),
    sustainabilitySurveys: await ofCases(sustainabilitySurveys, sustainabilitySurveys.surveyDate),
    referrals: await ofCases(referrals, referrals.createdAt),
    messages: messageRows,
    consents: strip(
      await db
        .select()
        .from(personConsents)
        .where(and(eq(personConsents.missionId, missionId), eq(personConsents.personId, personId)))
        .orderBy(asc(personConsents.recordedAt)),
    ),
    accessLog: await readAccessLog(db, missionId, [
      { type: 'person', ids: [personId] },
      { type: 'case', ids: caseIds },
      { type: 'case_document', ids: documentRows.map((row) => row.id as string) },
      { type: 'case_note', ids: noteRows.map((row) => row.id as string) },
    ]),
  };
}

type CaseTable = PgTable & { missionId: AnyPgColumn; caseId: AnyPgColumn };

/** Who read or changed these records, when and from where: the audit trail without its before and after. */
async function readAccessLog(
  db: Executor,
  missionId: string,
  records: { type: string; ids: string[] }[],
): Promise<AccessEntry[]> {
  const wanted = records
    .filter((record) => record.ids.length > 0)
    .map((record) => and(eq(auditLog.recordType, record.type), inArray(auditLog.recordId, record.ids)));
  if (wanted.length === 0) return [];
  const rows = await db
    .select({
      at: auditLog.at,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      displayName: users.displayName,
      email: users.email,
      action: auditLog.action,
      recordType: auditLog.recordType,
      recordId: auditLog.recordId,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.missionId, missionId), or(...wanted)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(({ actorId, displayName, email, ...rest }) => ({
    ...rest,
    actor: actorId ? { id: actorId, displayName: displayName ?? '', email: email ?? '' } : null,
  }));
}
