import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound, unprocessable } from '../../platform/http/problem.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseTasks } from '../cases/schema.js';
import { addIdentityDocument } from '../persons/add-identity-document.js';
import { loadEmbassy } from './list-embassies.js';
import { getRequest } from './list-travel-document-requests.js';
import { canChangeStatus } from './request-rules.js';
import { type TravelDocumentRequestRow, travelDocumentRequests } from './schema.js';
import type { ChangeRequestStatus, TravelDocumentRequest } from './travel-document-schemas.js';

/** Loads a request of the actor's mission and locks it; its case must still be loaded and checked. */
export async function loadRequestForUpdate(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<TravelDocumentRequestRow> {
  const [row] = await db
    .select()
    .from(travelDocumentRequests)
    .where(and(eq(travelDocumentRequests.missionId, actor.missionId), eq(travelDocumentRequests.id, id)))
    .for('update');
  if (!row) throw notFound('Travel document request');
  return row;
}

/**
 * Records the embassy's answer: an interview date, the document issued, a refusal, or a cancellation.
 * An issued document is also recorded as the person's identity document, so the booking guard sees it;
 * an answer closes the liaison's reminder task.
 */
export async function changeRequestStatus(
  ctx: ServiceContext,
  kase: CaseRow,
  request: TravelDocumentRequestRow,
  input: ChangeRequestStatus,
): Promise<TravelDocumentRequest> {
  if (input.version !== undefined && input.version !== request.version) {
    throw conflict(`The request was changed by someone else (it is now version ${request.version}).`, {
      currentVersion: request.version,
    });
  }
  if (!canChangeStatus(request.status, input.status)) {
    throw unprocessable(
      `A request that is ${request.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}.`,
    );
  }
  const changes: Partial<TravelDocumentRequestRow> = { status: input.status };
  if (input.status === 'interview_scheduled') changes.interviewOn = input.interviewOn;
  if (input.status === 'refused' || input.status === 'cancelled') changes.reason = input.reason ?? null;
  if (input.status === 'issued') {
    const embassy = await loadEmbassy(ctx.tx, kase.missionId, request.embassyId);
    const document = await addIdentityDocument(ctx, request.personId, {
      kind: input.documentKind,
      number: input.documentNumber,
      issuingCountry: embassy.country,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    });
    Object.assign(changes, {
      documentKind: input.documentKind,
      documentNumber: input.documentNumber,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil,
      personDocumentId: document.id,
    });
  }
  if (input.status !== 'interview_scheduled') changes.answeredAt = ctx.now;
  const [updated] = await ctx.tx
    .update(travelDocumentRequests)
    .set({ ...changes, version: request.version + 1, updatedAt: ctx.now })
    .where(
      and(eq(travelDocumentRequests.missionId, request.missionId), eq(travelDocumentRequests.id, request.id)),
    )
    .returning();
  if (input.status !== 'interview_scheduled' && request.reminderTaskId) {
    // The embassy answered: the reminder has nothing left to chase.
    await ctx.tx
      .update(caseTasks)
      .set({ doneAt: ctx.now, doneBy: ctx.actor.id })
      .where(
        and(
          eq(caseTasks.missionId, request.missionId),
          eq(caseTasks.id, request.reminderTaskId),
          isNull(caseTasks.doneAt),
        ),
      );
  }
  await appendCaseEvent(ctx, kase.id, 'travel_document_request_changed', {
    requestId: request.id,
    personId: request.personId,
    status: input.status,
  });
  await recordAudit(ctx, {
    action: 'travel_document_request.update',
    recordType: 'travel_document_request',
    recordId: request.id,
    before: request,
    after: updated,
  });
  return getRequest(ctx.tx, ctx.actor, request.id, ctx.now);
}
