import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import type { EarlierFact } from '../../platform/time/fact-date.js';
import type { CaseRow } from './load-case.js';
import { caseEvents } from './schema.js';

/** Kinds of entries on a case timeline. */
export const caseEventKinds = [
  'case_created',
  'case_updated',
  'status_changed',
  'note_added',
  'task_added',
  'task_completed',
  'task_reopened',
  'document_uploaded',
  'person_added',
  'travel_document_added',
  'counselling_session_recorded',
  'vulnerability_procedure_started',
  'vulnerability_procedure_cancelled',
  'vulnerability_step_completed',
  'vulnerability_step_reopened',
  'travel_document_requested',
  'travel_document_request_changed',
  'travel_document_request_overdue',
  'reintegration_plan_drafted',
  'reintegration_plan_finalised',
  'reintegration_plan_revised',
  'grant_created',
  'grant_disbursed',
  'monitoring_visit_recorded',
  'sustainability_survey_recorded',
  'message_not_sent',
  'message_language_fallback',
  'referral_received',
  'booking_created',
  'booking_confirmed',
  'booking_changed',
  'booking_cancelled',
  'passenger_departed',
  'passenger_no_show',
  'passenger_status_changed',
  'passenger_handed_over',
  'departure_published',
  'eligibility_decided',
  'eligibility_overridden',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/**
 * Adds an entry to a case's timeline, in the caller's transaction: it happened at the context's
 * `occurredAt` (or now) and was entered now.
 */
export async function appendCaseEvent(
  ctx: ServiceContext,
  caseId: string,
  kind: CaseEventKind,
  data: Record<string, unknown> = {},
): Promise<void> {
  await ctx.tx.insert(caseEvents).values({
    missionId: ctx.actor.missionId,
    id: newId(),
    caseId,
    occurredAt: ctx.occurredAt ?? ctx.now,
    recordedAt: ctx.now,
    kind,
    actorId: ctx.actor.system ? null : ctx.actor.id,
    data,
  });
}

/** When the case was registered (its case_created entry happened), the first fact of every case. */
export async function caseRegisteredAt(ctx: Pick<ServiceContext, 'tx'>, kase: CaseRow): Promise<EarlierFact> {
  const [row] = await ctx.tx
    .select({ at: sql<Date | null>`min(${caseEvents.occurredAt})` })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.missionId, kase.missionId),
        eq(caseEvents.caseId, kase.id),
        eq(caseEvents.kind, 'case_created'),
      ),
    );
  const at = row?.at ? new Date(row.at) : kase.createdAt;
  return { at, what: `the registration of case ${kase.reference}` };
}
