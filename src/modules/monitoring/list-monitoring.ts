import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { CaseRow } from '../cases/load-case.js';
import { loadUserSummaries } from '../cases/present-activity.js';
import { offices } from '../organisation/schema.js';
import { monitoringVisits, sustainabilitySurveys } from './schema.js';

/** A case's monitoring visits and surveys, oldest first (the order of a chart over time). */
export async function listMonitoring(db: Executor, kase: CaseRow) {
  const missionId = kase.missionId;
  const visits = await db
    .select()
    .from(monitoringVisits)
    .where(and(eq(monitoringVisits.missionId, missionId), eq(monitoringVisits.caseId, kase.id)))
    .orderBy(asc(monitoringVisits.visitDate), asc(monitoringVisits.id));
  const surveys = await db
    .select()
    .from(sustainabilitySurveys)
    .where(and(eq(sustainabilitySurveys.missionId, missionId), eq(sustainabilitySurveys.caseId, kase.id)))
    .orderBy(asc(sustainabilitySurveys.surveyDate), asc(sustainabilitySurveys.id));
  const officeRows = await db
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(eq(offices.missionId, missionId));
  const officeOf = (id: string) => ({ id, name: officeRows.find((o) => o.id === id)?.name ?? '' });
  const people = await loadUserSummaries(db, missionId, [
    ...visits.map((v) => v.visitedBy),
    ...surveys.map((s) => s.recordedBy),
  ]);
  return {
    visits: visits.map((visit) => ({
      id: visit.id,
      caseId: visit.caseId,
      visitDate: visit.visitDate,
      mode: visit.mode,
      office: officeOf(visit.officeId),
      visitedBy: people.get(visit.visitedBy) ?? null,
      notes: visit.notes,
      createdAt: visit.createdAt.toISOString(),
    })),
    surveys: surveys.map((survey) => ({
      id: survey.id,
      caseId: survey.caseId,
      visitId: survey.visitId,
      surveyDate: survey.surveyDate,
      answers: survey.answers,
      weightsVersion: survey.weightsVersion,
      scores: {
        economic: survey.economicScore,
        social: survey.socialScore,
        psychosocial: survey.psychosocialScore,
        composite: survey.compositeScore,
      },
      sustainable: survey.sustainable,
      office: officeOf(survey.officeId),
      recordedBy: people.get(survey.recordedBy) ?? null,
      recordedAt: survey.recordedAt.toISOString(),
    })),
  };
}
