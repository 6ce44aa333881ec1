import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { conflict, unprocessable } from '../../platform/http/problem.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { appendCaseEvent } from './case-events.js';
import { loadAvrrFacts } from './case-facts.js';
import type { TransitionCaseInput } from './case-schemas.js';
import { type CaseRow, loadCase } from './load-case.js';
import { cases } from './schema.js';
import { assertCurrentVersion } from './update-case.js';
import {
  applyTransition,
  getWorkflow,
  isMovementSourceFailure,
  listTransitions,
  type MovementSource,
  type TransitionOption,
} from './workflow/index.js';

function workflowOf(kase: CaseRow) {
  const workflow = getWorkflow(kase.programme);
  if (!workflow) throw new Error(`No workflow for programme ${kase.programme}`);
  return workflow;
}

/** The transitions possible from the case's status now, and for the others the reasons why not. */
export async function listCaseTransitions(
  db: Executor,
  actor: Actor,
  kase: CaseRow,
  now: Date,
): Promise<TransitionOption[]> {
  const facts = await loadAvrrFacts(db, kase, missionToday(actor, now));
  return listTransitions(workflowOf(kase), facts);
}

/**
 * Moves a case along its workflow, or refuses with 422 and every reason in plain words. A step that
 * states a movement fact (departed, no-show, arrived, booking cancelled) is taken only by the
 * movements service that records the fact (`via`); asked for by anyone else it is refused with 409
 * and the code of where to record it.
 */
export async function transitionCase(
  ctx: ServiceContext,
  caseId: string,
  input: TransitionCaseInput,
  options: { via?: MovementSource } = {},
): Promise<CaseRow> {
  // Lock the case so two officers cannot move it at the same time from the same status.
  const kase = await loadCase(ctx.tx, ctx.actor, caseId, { forUpdate: true });
  assertCurrentVersion(kase, input.version);
  const workflow = workflowOf(kase);
  const facts = await loadAvrrFacts(ctx.tx, kase, missionToday(ctx.actor, ctx.now));
  const result = applyTransition(workflow, facts, {
    transition: input.transition,
    reason: input.reason,
    via: options.via,
  });
  const elsewhere = result.ok ? undefined : result.reasons.find(isMovementSourceFailure);
  if (elsewhere) {
    throw conflict(elsewhere.message.en, { code: elsewhere.code, reasons: [elsewhere] });
  }
  if (!result.ok) {
    throw unprocessable(result.reasons.map((reason) => reason.message.en).join(' '), {
      reasons: result.reasons,
    });
  }
  const previousStatus =
    result.to === 'on_hold' ? result.from : result.transition === 'resume' ? null : kase.previousStatus;
  const [updated] = await ctx.tx
    .update(cases)
    .set({
      status: result.to,
      previousStatus,
      version: kase.version + 1,
      updatedAt: ctx.now,
      statusChangedAt: ctx.occurredAt ?? ctx.now,
    })
    .where(and(eq(cases.missionId, kase.missionId), eq(cases.id, kase.id)))
    .returning();
  await appendCaseEvent(ctx, kase.id, 'status_changed', {
    transition: result.transition,
    from: result.from,
    to: result.to,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  await recordAudit(ctx, {
    action: 'case.transition',
    recordType: 'case',
    recordId: kase.id,
    before: { status: kase.status, version: kase.version },
    after: {
      status: result.to,
      version: updated!.version,
      transition: result.transition,
      reason: input.reason ?? null,
    },
  });
  await emitEvent(ctx, 'case.status_changed', {
    caseId: kase.id,
    reference: kase.reference,
    programme: kase.programme,
    transition: result.transition,
    from: result.from,
    to: result.to,
    reason: input.reason ?? null,
  });
  return updated!;
}
