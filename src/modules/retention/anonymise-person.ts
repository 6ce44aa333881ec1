import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { CONTACT_AND_TEXT_KEYS, REMOVED, redactPersonalData } from '../../platform/audit/personal-data.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Tx } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import type { Storage } from '../../platform/storage/storage.js';
import { caseDocuments, caseEvents, caseGroupMembers, caseNotes, cases, caseTasks } from '../cases/schema.js';
import { counsellingSessions } from '../counselling/schema.js';
import { eligibilityDecisions } from '../eligibility/schema.js';
import { devSinkMessages } from '../messaging/schema.js';
import { monitoringVisits } from '../monitoring/schema.js';
import { personDocuments, persons } from '../persons/schema.js';
import { grantDisbursements, reintegrationGrants, reintegrationPlans } from '../reintegration/schema.js';
import { travelDocumentRequests } from '../travel-documents/schema.js';
import { vulnerabilitySteps } from '../vulnerability/schema.js';
import { personAnonymisations } from './schema.js';

/** What one anonymisation removed, by kind. */
export type RemovedCounts = Record<string, number>;

export const ANONYMISED_NAME = '[anonymised]';

/**
 * Removes what identifies a person whose every case is past retention, keeping what the figures
 * count: sex, year of birth, nationalities, languages, and the cases with their statuses, dates,
 * movements and grants. Names, aliases, phone, identity document numbers go from the person; when the
 * last person of a case goes, the case's documents (their files deleted from storage), notes, task
 * titles, counselling and monitoring notes, free text of grants, plans, travel document requests,
 * vulnerability steps and eligibility decisions, and the contact and text of its messages go too.
 * The caller has checked, in this transaction, that the person is past retention.
 */
export async function anonymisePerson(
  ctx: ServiceContext,
  options: { personId: string; runId: string; storage: Storage },
): Promise<RemovedCounts> {
  const missionId = ctx.actor.missionId;
  const { personId } = options;
  const counts: RemovedCounts = {};
  const [person] = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, missionId), eq(persons.id, personId)))
    .for('update');
  if (!person) return counts;

  const requests = await ctx.tx
    .update(travelDocumentRequests)
    .set({ documentNumber: null, notes: null, reason: null })
    .where(
      and(eq(travelDocumentRequests.missionId, missionId), eq(travelDocumentRequests.personId, personId)),
    )
    .returning({ id: travelDocumentRequests.id });
  counts.travelDocumentRequests = requests.length;
  // An identity document keeps its kind and issuing country, which the annual report counts (third
  // country residence permits); its number and dates go.
  const documents = await ctx.tx
    .update(personDocuments)
    .set({ number: REMOVED, validFrom: null, validUntil: null })
    .where(and(eq(personDocuments.missionId, missionId), eq(personDocuments.personId, personId)))
    .returning({ id: personDocuments.id });
  counts.identityDocuments = documents.length;

  await ctx.tx
    .update(persons)
    .set({
      givenName: ANONYMISED_NAME,
      familyName: ANONYMISED_NAME,
      givenNameNative: null,
      familyNameNative: null,
      aliases: [],
      phone: null,
      // The year of birth is what the figures need; the day and month identify.
      dateOfBirth: person.dateOfBirth ? `${person.dateOfBirth.slice(0, 4)}-01-01` : null,
      dateOfBirthPrecision: person.dateOfBirth ? 'year' : person.dateOfBirthPrecision,
      nameKey: '',
      nameSkeleton: '',
      version: person.version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(persons.missionId, missionId), eq(persons.id, personId)));
  await ctx.tx
    .insert(personAnonymisations)
    .values({ missionId, personId, runId: options.runId, anonymisedAt: ctx.now });

  // The cases of this person whose other people are all anonymised already: their records go now.
  const others = ctx.tx
    .select({ one: sql`1` })
    .from(caseGroupMembers)
    .where(
      and(
        eq(caseGroupMembers.missionId, cases.missionId),
        eq(caseGroupMembers.caseGroupId, cases.caseGroupId),
        sql`${caseGroupMembers.personId} <> ${personId}`,
        sql`not exists (select 1 from ${personAnonymisations} where ${personAnonymisations.missionId} = ${caseGroupMembers.missionId} and ${personAnonymisations.personId} = ${caseGroupMembers.personId})`,
      ),
    );
  const caseRows = await ctx.tx
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .innerJoin(
      caseGroupMembers,
      and(
        eq(caseGroupMembers.missionId, cases.missionId),
        eq(caseGroupMembers.caseGroupId, cases.caseGroupId),
      ),
    )
    .where(and(eq(cases.missionId, missionId), eq(caseGroupMembers.personId, personId), notExists(others)));
  const caseIds = caseRows.map((row) => row.id);
  if (caseIds.length > 0)
    Object.assign(counts, await scrubCases(ctx.tx, missionId, caseIds, options.storage));

  await recordAudit(ctx, {
    action: 'person.anonymise',
    recordType: 'person',
    recordId: personId,
    // Ids, references and counts only: the entry must not keep what it removed.
    after: { runId: options.runId, cases: caseRows.map((row) => row.reference), removed: counts },
  });
  return counts;
}

// A timeline event's `to` is the status it moved to, which the reports count departures by.
const EVENT_TEXT_KEYS: ReadonlySet<string> = new Set(
  [...CONTACT_AND_TEXT_KEYS].filter((key) => key !== 'to'),
);

async function scrubCases(
  tx: Tx,
  missionId: string,
  caseIds: string[],
  storage: Storage,
): Promise<RemovedCounts> {
  const counts: RemovedCounts = {};
  const inCases = <T extends { missionId: unknown; caseId: unknown }>(table: T) =>
    and(
      eq(table.missionId as typeof cases.missionId, missionId),
      inArray(table.caseId as typeof cases.id, caseIds),
    );

  // Documents: the files go; the row goes too unless the disbursement ledger (append-only) points at it.
  const files = await tx.select().from(caseDocuments).where(inCases(caseDocuments));
  const receipts = new Set(
    (
      await tx
        .select({ id: grantDisbursements.receiptDocumentId })
        .from(grantDisbursements)
        .where(inCases(grantDisbursements))
    ).map((row) => row.id),
  );
  const deletable = files.filter((file) => !receipts.has(file.id)).map((file) => file.id);
  if (deletable.length > 0) {
    await tx
      .delete(caseDocuments)
      .where(and(eq(caseDocuments.missionId, missionId), inArray(caseDocuments.id, deletable)));
  }
  const kept = files.filter((file) => receipts.has(file.id)).map((file) => file.id);
  if (kept.length > 0) {
    await tx
      .update(caseDocuments)
      .set({ filename: REMOVED })
      .where(and(eq(caseDocuments.missionId, missionId), inArray(caseDocuments.id, kept)));
  }
  counts.caseDocuments = files.length;

  counts.notes = (
    await tx
      .update(caseNotes)
      .set({ body: REMOVED })
      .where(inCases(caseNotes))
      .returning({ id: caseNotes.id })
  ).length;
  counts.taskTitles = (
    await tx
      .update(caseTasks)
      .set({ title: REMOVED })
      .where(inCases(caseTasks))
      .returning({ id: caseTasks.id })
  ).length;
  counts.counsellingSessions = (
    await tx
      .update(counsellingSessions)
      .set({ location: null, nextStep: null })
      .where(inCases(counsellingSessions))
      .returning({ id: counsellingSessions.id })
  ).length;
  counts.monitoringVisits = (
    await tx
      .update(monitoringVisits)
      .set({ notes: null })
      .where(inCases(monitoringVisits))
      .returning({ id: monitoringVisits.id })
  ).length;
  await tx.update(reintegrationGrants).set({ note: null }).where(inCases(reintegrationGrants));
  await tx.update(reintegrationPlans).set({ description: REMOVED }).where(inCases(reintegrationPlans));
  counts.vulnerabilitySteps = (
    await tx
      .update(vulnerabilitySteps)
      .set({ details: {} })
      .where(inCases(vulnerabilitySteps))
      .returning({ id: vulnerabilitySteps.id })
  ).length;

  // JSON written with the case: remove contacts and free text wherever they sit.
  const decisions = await tx.select().from(eligibilityDecisions).where(inCases(eligibilityDecisions));
  for (const decision of decisions) {
    await tx
      .update(eligibilityDecisions)
      .set({
        // Only what identifies: the reasons and amounts stay, reproducible.
        inputs: redactPersonalData(decision.inputs) as Record<string, unknown>,
        result: redactPersonalData(decision.result) as Record<string, unknown>,
        justification: decision.justification === null ? null : REMOVED,
      })
      .where(and(eq(eligibilityDecisions.missionId, missionId), eq(eligibilityDecisions.id, decision.id)));
  }
  const events = await tx.select().from(caseEvents).where(inCases(caseEvents));
  for (const event of events) {
    const data = redactPersonalData(event.data, EVENT_TEXT_KEYS) as Record<string, unknown>;
    if (JSON.stringify(data) === JSON.stringify(event.data)) continue;
    await tx
      .update(caseEvents)
      .set({ data })
      .where(and(eq(caseEvents.missionId, missionId), eq(caseEvents.id, event.id)));
  }
  const messages = await tx.select().from(outboxMessages).where(inCases(outboxMessages));
  for (const message of messages) {
    await tx
      .update(outboxMessages)
      .set({ payload: redactPersonalData(message.payload, CONTACT_AND_TEXT_KEYS) as Record<string, unknown> })
      .where(and(eq(outboxMessages.missionId, missionId), eq(outboxMessages.id, message.id)));
  }
  counts.messages = messages.length;
  const keys = messages.map((message) => message.idempotencyKey);
  if (keys.length > 0) {
    await tx
      .update(devSinkMessages)
      .set({ recipient: REMOVED, subject: null, body: REMOVED })
      .where(and(eq(devSinkMessages.missionId, missionId), inArray(devSinkMessages.idempotencyKey, keys)));
  }

  // Last, so a failure above leaves the files for the retry; a failed commit after this leaves the
  // rows of files already gone, which the next run removes (deleting a missing file is no error).
  for (const file of files) await storage.delete(file.storageKey);
  counts.files = files.length;
  return counts;
}
