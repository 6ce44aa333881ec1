import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseRow } from '../cases/load-case.js';
import { loadUserSummaries } from '../cases/present-activity.js';
import { offices } from '../organisation/schema.js';
import type { CounsellingSession } from './counselling-schemas.js';
import { counsellingSessions } from './schema.js';

/** A case's counselling sessions, newest first. */
export async function listCounsellingSessions(db: Executor, kase: CaseRow): Promise<CounsellingSession[]> {
  const rows = await db
    .select({ session: counsellingSessions, office: { id: offices.id, name: offices.name } })
    .from(counsellingSessions)
    .innerJoin(
      offices,
      and(eq(offices.missionId, counsellingSessions.missionId), eq(offices.id, counsellingSessions.officeId)),
    )
    .where(and(eq(counsellingSessions.missionId, kase.missionId), eq(counsellingSessions.caseId, kase.id)))
    .orderBy(desc(counsellingSessions.heldOn), desc(counsellingSessions.id));
  const people = await loadUserSummaries(
    db,
    kase.missionId,
    rows.map((r) => r.session.counsellorId),
  );
  return rows.map(({ session, office }) => ({
    id: session.id,
    caseId: session.caseId,
    heldOn: session.heldOn,
    office,
    location: session.location,
    counsellor: people.get(session.counsellorId) ?? null,
    language: session.language,
    interpreterUsed: session.interpreterUsed,
    interpreterLanguage: session.interpreterLanguage,
    topics: session.topics,
    outcome: session.outcome,
    nextStep: session.nextStep,
    createdAt: session.createdAt.toISOString(),
  }));
}
