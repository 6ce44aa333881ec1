import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { datedContext, instantOfDate } from '../../platform/time/fact-date.js';
import { appendCaseEvent, caseRegisteredAt } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import { offices, users } from '../organisation/schema.js';
import type { CounsellingSession, CreateCounsellingSession } from './counselling-schemas.js';
import { listCounsellingSessions } from './list-counselling-sessions.js';
import { counsellingSessions } from './schema.js';

/** Refuses an office that is not the mission's (400 naming the field). */
export async function ensureMissionOffice(db: Executor, missionId: string, officeId: string, path: string) {
  const [office] = await db
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.missionId, missionId), eq(offices.id, officeId)));
  if (!office)
    throw badRequest('The office is not one of the mission’s.', [
      { path, message: 'is not an office of this mission' },
    ]);
}

async function ensureActiveUser(db: Executor, missionId: string, userId: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.missionId, missionId), eq(users.active, true)));
  if (!user) {
    throw badRequest('The counsellor is not an active user of this mission.', [
      { path: 'body.counsellorId', message: 'is not an active user of this mission' },
    ]);
  }
}

/** Records a counselling session held with the people of a case. */
export async function recordCounsellingSession(
  entry: ServiceContext,
  kase: CaseRow,
  input: CreateCounsellingSession,
): Promise<CounsellingSession> {
  // The session happened on the day it was held: not in the future, not before the case was registered.
  const ctx = await datedContext(entry, {
    path: 'body.heldOn',
    occurredAt: instantOfDate(entry.actor, input.heldOn, entry.now),
    after: [await caseRegisteredAt(entry, kase)],
    record: { type: 'case', id: kase.id },
  });
  const officeId = input.officeId ?? kase.officeId;
  if (input.officeId) await ensureMissionOffice(ctx.tx, kase.missionId, officeId, 'body.officeId');
  const counsellorId = input.counsellorId ?? ctx.actor.id;
  if (input.counsellorId) await ensureActiveUser(ctx.tx, kase.missionId, counsellorId);
  const [row] = await ctx.tx
    .insert(counsellingSessions)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      heldOn: input.heldOn,
      officeId,
      location: input.location ?? null,
      counsellorId,
      language: input.language,
      interpreterUsed: input.interpreterUsed,
      interpreterLanguage: input.interpreterLanguage ?? null,
      topics: input.topics,
      outcome: input.outcome,
      nextStep: input.nextStep ?? null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  const session = row!;
  await appendCaseEvent(ctx, kase.id, 'counselling_session_recorded', {
    sessionId: session.id,
    heldOn: session.heldOn,
    outcome: session.outcome,
  });
  await recordAudit(ctx, {
    action: 'counselling_session.create',
    recordType: 'counselling_session',
    recordId: session.id,
    after: session,
  });
  const [presented] = (await listCounsellingSessions(ctx.tx, kase)).filter((s) => s.id === session.id);
  return presented!;
}
