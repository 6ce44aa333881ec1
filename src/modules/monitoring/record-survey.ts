import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { unprocessable } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { appendCaseEvent } from '../cases/case-events.js';
import type { CaseRow } from '../cases/load-case.js';
import type { RecordSurvey } from './monitoring-schemas.js';
import { checkOriginOffice } from './record-visit.js';
import { monitoringVisits, sustainabilitySurveys } from './schema.js';
import { checkAnswers, scoreSurvey } from './score-survey.js';
import { loadCurrentWeights, toSurveyWeights } from './sustainability-weights.js';

/**
 * Records a sustainability survey with its scores, computed now with the weights in force and
 * stored with that weights version: a later change of weights leaves this survey as it was.
 */
export async function recordSurvey(
  ctx: ServiceContext,
  kase: CaseRow,
  officeId: string,
  input: RecordSurvey,
) {
  const errors = checkAnswers(input.answers);
  if (errors.length > 0) throw unprocessable('Some answers are not in the survey.', undefined, errors);
  await checkOriginOffice(ctx, officeId);
  if (input.visitId) {
    const [visit] = await ctx.tx
      .select({ id: monitoringVisits.id })
      .from(monitoringVisits)
      .where(
        and(
          eq(monitoringVisits.missionId, kase.missionId),
          eq(monitoringVisits.caseId, kase.id),
          eq(monitoringVisits.id, input.visitId),
        ),
      );
    if (!visit) {
      throw unprocessable('The visit is not one of this case.', undefined, [
        { path: 'body.visitId', message: 'Unknown visit' },
      ]);
    }
  }
  const weights = await loadCurrentWeights(ctx.tx, kase.missionId);
  if (!weights) throw unprocessable('The mission has no survey weights configured.');
  const scores = scoreSurvey(input.answers, toSurveyWeights(weights));
  const [row] = await ctx.tx
    .insert(sustainabilitySurveys)
    .values({
      missionId: kase.missionId,
      id: newId(),
      caseId: kase.id,
      visitId: input.visitId ?? null,
      surveyDate: input.surveyDate,
      answers: input.answers,
      weightsVersion: weights.version,
      economicScore: scores.economic,
      socialScore: scores.social,
      psychosocialScore: scores.psychosocial,
      compositeScore: scores.composite,
      sustainable: scores.sustainable,
      officeId,
      recordedBy: ctx.actor.id,
      recordedAt: ctx.now,
    })
    .returning();
  const survey = row!;
  await recordAudit(ctx, {
    action: 'sustainability_survey.create',
    recordType: 'sustainability_survey',
    recordId: survey.id,
    after: { caseId: kase.id, surveyDate: survey.surveyDate, weightsVersion: weights.version, ...scores },
  });
  await appendCaseEvent(ctx, kase.id, 'sustainability_survey_recorded', {
    surveyId: survey.id,
    compositeScore: scores.composite,
    weightsVersion: weights.version,
  });
  return survey;
}
