import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { datedContext, instantOfDate } from '../../platform/time/fact-date.js';
import { appendCaseEvent, caseRegisteredAt } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { offices } from '../organisation/schema.js';
import type { RecordVisit } from './monitoring-schemas.js';
import { monitoringVisits } from './schema.js';

/** The office a visit or survey is recorded for: the one named, else the plan's origin office. */
export function monitoringOfficeId(
  plan: { originOfficeId: string } | null,
  officeId: string | undefined,
): string | null {
  return officeId ?? plan?.originOfficeId ?? null;
}

/** Refuses an office that is not one of the mission's offices in a country of origin. */
export async function checkOriginOffice(ctx: ServiceContext, officeId: string): Promise<void> {
  const [office] = await ctx.tx
    .select({ kind: offices.kind })
    .from(offices)
    .where(and(eq(offices.missionId, ctx.actor.missionId), eq(offices.id, officeId)));
  if (office?.kind !== 'origin_office') {
    throw unprocessable('Monitoring is done by an office in the country of origin.', undefined, [
      { path: 'body.officeId', message: 'Not an origin office of this mission' },
    ]);
  }
}

/** Records a post-return monitoring visit or call, made by the signed-in reintegration officer. */
export async function recordVisit(
  entry: ServiceContext,
  kase: CaseRow,
  officeId: string,
  input: RecordVisit,
) {
  const ctx = await datedContext(entry, {
    path: 'body.visitDate',
    occurredAt: instantOfDate(entry.actor, input.visitDate, entry.now),
    after: [await caseRegisteredAt(entry, kase)],
    record: { type: 'case', id: kase.id },
  });
  await checkOriginOffice(ctx, officeId);
  const [row] = await ctx.tx
    .insert(monitoringVisits)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      visitDate: input.visitDate,
      mode: input.mode,
      officeId,
      visitedBy: ctx.actor.id,
      notes: input.notes ?? null,
      createdAt: ctx.now,
    })
    .returning();
  const visit = row!;
  await recordAudit(ctx, {
    action: 'monitoring_visit.create',
    recordType: 'monitoring_visit',
    recordId: visit.id,
    after: { caseId: kase.id, visitDate: visit.visitDate, mode: visit.mode, officeId },
  });
  await appendCaseEvent(ctx, kase.id, 'monitoring_visit_recorded', {
    visitId: visit.id,
    mode: visit.mode,
    visitDate: visit.visitDate,
  });
  return visit;
}
