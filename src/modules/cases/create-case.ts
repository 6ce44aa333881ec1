import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { newId } from '../../platform/ids.js';
import { datedContext, toInstant } from '../../platform/time/fact-date.js';
import { localDate } from '../../platform/time/mission-calendar.js';
import { missionCounters } from '../organisation/schema.js';
import { appendCaseEvent } from './case-events.js';
import { type CreateCase, ZCreateCase } from './case-schemas.js';
import type { CaseRow } from './load-case.js';
import { caseGroupMembers, caseGroups, cases } from './schema.js';
import { validateCaseReferences } from './validate-case-references.js';
import { getWorkflow } from './workflow/index.js';

/** Opens a case for a group of registered persons (the first is the principal applicant). */
export async function createCase(entry: ServiceContext, rawInput: CreateCase): Promise<CaseRow> {
  const input = ZCreateCase.parse(rawInput);
  const missionId = entry.actor.missionId;
  const caseId = newId();
  // Registered when the caller says (a case brought over from paper or another system), else now.
  const ctx = await datedContext(entry, {
    path: 'body.occurredAt',
    occurredAt: toInstant(input.occurredAt),
    record: { type: 'case', id: caseId },
  });
  await validateCaseReferences(ctx.tx, missionId, input);
  const workflow = getWorkflow(input.programme);
  if (!workflow) throw new Error(`No workflow for programme ${input.programme}`);

  const caseGroupId = newId();
  await ctx.tx.insert(caseGroups).values({ missionId, id: caseGroupId, createdAt: ctx.now });
  await ctx.tx.insert(caseGroupMembers).values(
    input.personIds.map((personId, position) => ({
      missionId,
      caseGroupId,
      personId,
      role: position === 0 ? ('principal' as const) : ('member' as const),
      position,
    })),
  );
  const reference = await nextCaseReference(ctx, input.programme);
  const [row] = await ctx.tx
    .insert(cases)
    .values({
      missionId,
      id: caseId,
      reference,
      programme: input.programme,
      status: workflow.initial,
      caseGroupId,
      officeId: input.officeId,
      returnOfficeId: input.returnOfficeId ?? null,
      assigneeId: input.assigneeId ?? null,
      referralSource: input.referralSource,
      vulnerabilities: input.vulnerabilities,
      fundingProject: input.fundingProject ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      statusChangedAt: ctx.now,
    })
    .returning();
  const kase = row!;
  await appendCaseEvent(ctx, kase.id, 'case_created', {
    reference,
    status: kase.status,
    personIds: input.personIds,
  });
  await recordAudit(ctx, { action: 'case.create', recordType: 'case', recordId: kase.id, after: kase });
  await emitEvent(ctx, 'case.created', {
    caseId: kase.id,
    reference,
    programme: kase.programme,
    status: kase.status,
    vulnerabilities: kase.vulnerabilities,
  });
  return kase;
}

/**
 * The next human-readable reference, e.g. AVRR-2026-000123, with the year of registration in the
 * mission's calendar; the counter row serialises concurrent creations.
 */
async function nextCaseReference(ctx: ServiceContext, programme: string): Promise<string> {
  const year = localDate(ctx.occurredAt ?? ctx.now, ctx.actor.mission.timeZone).slice(0, 4);
  const name = `case:${programme}:${year}`;
  const [counter] = await ctx.tx
    .insert(missionCounters)
    .values({ missionId: ctx.actor.missionId, name, value: 1 })
    .onConflictDoUpdate({
      target: [missionCounters.missionId, missionCounters.name],
      set: { value: sql`${missionCounters.value} + 1` },
    })
    .returning({ value: missionCounters.value });
  return `${programme.toUpperCase()}-${year}-${String(counter!.value).padStart(6, '0')}`;
}
