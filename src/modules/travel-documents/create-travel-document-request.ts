import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { caseGroupMembers } from '../cases/schema.js';
import { loadEmbassy } from './list-embassies.js';
import { getRequest } from './list-travel-document-requests.js';
import { travelDocumentRequests } from './schema.js';
import type { CreateTravelDocumentRequest, TravelDocumentRequest } from './travel-document-schemas.js';

/** Records that a travel document was requested from an embassy for one person of the case. */
export async function createTravelDocumentRequest(
  ctx: ServiceContext,
  kase: CaseRow,
  input: CreateTravelDocumentRequest,
): Promise<TravelDocumentRequest> {
  const [member] = await ctx.tx
    .select({ personId: caseGroupMembers.personId })
    .from(caseGroupMembers)
    .where(
      and(
        eq(caseGroupMembers.missionId, kase.missionId),
        eq(caseGroupMembers.caseGroupId, kase.caseGroupId),
        eq(caseGroupMembers.personId, input.personId),
      ),
    );
  if (!member) {
    throw badRequest('The person is not on this case.', [
      { path: 'body.personId', message: 'is not a person of this case' },
    ]);
  }
  const embassy = await loadEmbassy(ctx.tx, kase.missionId, input.embassyId).catch(() => null);
  if (!embassy?.active) {
    throw badRequest('The embassy is not in the directory.', [
      { path: 'body.embassyId', message: 'is not an active embassy of the directory' },
    ]);
  }
  const [row] = await ctx.tx
    .insert(travelDocumentRequests)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      personId: input.personId,
      embassyId: embassy.id,
      status: 'requested',
      requestedOn: input.requestedOn,
      notes: input.notes ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await appendCaseEvent(ctx, kase.id, 'travel_document_requested', {
    requestId: row!.id,
    personId: input.personId,
    embassyId: embassy.id,
  });
  await recordAudit(ctx, {
    action: 'travel_document_request.create',
    recordType: 'travel_document_request',
    recordId: row!.id,
    after: row,
  });
  return getRequest(ctx.tx, ctx.actor, row!.id, ctx.now);
}
