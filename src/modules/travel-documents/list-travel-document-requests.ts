import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { visibleCasesWhere } from '../cases/case-policy.js';
import type { CaseRow } from '../cases/load-case.js';
import { cases } from '../cases/schema.js';
import { persons } from '../persons/schema.js';
import { presentEmbassy } from './list-embassies.js';
import { OPEN_STATUSES, waitingState } from './request-rules.js';
import {
  type EmbassyRow,
  embassies,
  type TravelDocumentRequestRow,
  travelDocumentRequests,
} from './schema.js';
import type { Embassy, TravelDocumentRequest } from './travel-document-schemas.js';

type Joined = {
  request: TravelDocumentRequestRow;
  embassy: EmbassyRow;
  caseReference: string;
  person: { id: string; givenName: string; familyName: string };
};

async function selectRequests(
  db: Executor,
  missionId: string,
  where: SQL,
  orderBy: SQL[],
): Promise<Joined[]> {
  return db
    .select({
      request: travelDocumentRequests,
      embassy: embassies,
      caseReference: cases.reference,
      person: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName },
    })
    .from(travelDocumentRequests)
    .innerJoin(
      embassies,
      and(
        eq(embassies.missionId, travelDocumentRequests.missionId),
        eq(embassies.id, travelDocumentRequests.embassyId),
      ),
    )
    .innerJoin(
      cases,
      and(eq(cases.missionId, travelDocumentRequests.missionId), eq(cases.id, travelDocumentRequests.caseId)),
    )
    .innerJoin(
      persons,
      and(
        eq(persons.missionId, travelDocumentRequests.missionId),
        eq(persons.id, travelDocumentRequests.personId),
      ),
    )
    .where(and(eq(travelDocumentRequests.missionId, missionId), where))
    .orderBy(...orderBy);
}

/** A request as the API sends it, with how long it has waited and whether that is overdue today. */
export function presentRequest(row: Joined, today: string): TravelDocumentRequest {
  const { request, embassy } = row;
  return {
    id: request.id,
    caseId: request.caseId,
    caseReference: row.caseReference,
    person: row.person,
    embassy: { id: embassy.id, country: embassy.country, kind: embassy.kind, city: embassy.city },
    status: request.status,
    requestedOn: request.requestedOn,
    interviewOn: request.interviewOn,
    documentKind: request.documentKind,
    documentNumber: request.documentNumber,
    validFrom: request.validFrom,
    validUntil: request.validUntil,
    reason: request.reason,
    notes: request.notes,
    ...waitingState(request, embassy.reminderDays, today),
    reminderTaskId: request.reminderTaskId,
    version: request.version,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

/** A case's travel-document requests, newest first. */
export async function listCaseRequests(
  db: Executor,
  actor: Actor,
  kase: CaseRow,
  now: Date,
): Promise<TravelDocumentRequest[]> {
  const rows = await selectRequests(db, kase.missionId, eq(travelDocumentRequests.caseId, kase.id), [
    desc(travelDocumentRequests.requestedOn),
    desc(travelDocumentRequests.id),
  ]);
  return rows.map((row) => presentRequest(row, missionToday(actor, now)));
}

/** One request, presented (after a change). */
export async function getRequest(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<TravelDocumentRequest> {
  const [row] = await selectRequests(db, actor.missionId, eq(travelDocumentRequests.id, id), []);
  if (!row) throw notFound('Travel document request');
  return presentRequest(row, missionToday(actor, now));
}

/**
 * The liaison's worklist: requests still waiting for an embassy's answer, grouped by embassy (the
 * embassy with the most overdue first), each group oldest request first. Only cases the actor may see.
 */
export async function listOpenRequestsByEmbassy(
  db: Executor,
  actor: Actor,
  options: { now: Date; overdueOnly?: boolean },
): Promise<{ embassy: Embassy; overdue: number; requests: TravelDocumentRequest[] }[]> {
  const today = missionToday(actor, options.now);
  const rows = await selectRequests(
    db,
    actor.missionId,
    and(inArray(travelDocumentRequests.status, [...OPEN_STATUSES]), visibleCasesWhere(actor))!,
    [asc(travelDocumentRequests.requestedOn), asc(travelDocumentRequests.id)],
  );
  const groups = new Map<string, { embassy: Embassy; overdue: number; requests: TravelDocumentRequest[] }>();
  for (const row of rows) {
    const request = presentRequest(row, today);
    if (options.overdueOnly && !request.overdue) continue;
    let group = groups.get(row.embassy.id);
    if (!group) {
      group = { embassy: presentEmbassy(row.embassy), overdue: 0, requests: [] };
      groups.set(row.embassy.id, group);
    }
    group.requests.push(request);
    if (request.overdue) group.overdue += 1;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      a.embassy.country.localeCompare(b.embassy.country) ||
      a.embassy.city.localeCompare(b.embassy.city),
  );
}
