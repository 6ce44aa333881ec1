import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRoleAt } from '../../platform/auth/actor.js';
import { type ServiceContext, withTransaction } from '../../platform/db/transaction.js';
import { unprocessable } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import type { CaseRow } from '../cases/load-case.js';
import { loadReintegrationCase } from '../reintegration/load-reintegration-case.js';
import { listMonitoring } from './list-monitoring.js';
import { monitoringPolicy } from './monitoring-policy.js';
import {
  ZCaseParams,
  ZMonitoringResponse,
  ZRecordSurvey,
  ZRecordVisit,
  ZSurveyDefinition,
  ZUpdateWeights,
  ZWeights,
} from './monitoring-schemas.js';
import { recordSurvey } from './record-survey.js';
import { monitoringOfficeId, recordVisit } from './record-visit.js';
import { dimensions, sustainabilityIndicators } from './sustainability-indicators.js';
import { loadCurrentWeights, presentWeights } from './sustainability-weights.js';
import { updateSustainabilityWeights } from './update-sustainability-weights.js';

const tags = ['monitoring'];
const noOffice = () =>
  unprocessable('Name the origin office, or finalise a plan that names one.', undefined, [
    { path: 'body.officeId', message: 'Required while the case has no reintegration plan' },
  ]);

/**
 * Records a visit or a survey on a case for the monitoring office (the one named, or the plan's),
 * after the policy allows it, and answers with the case's monitoring.
 */
async function recordOnCase(
  request: FastifyRequest,
  caseId: string,
  requestedOfficeId: string | undefined,
  record: (ctx: ServiceContext, kase: CaseRow, officeId: string) => Promise<unknown>,
) {
  const actor = actorOf(request);
  return withTransaction(request, async (ctx) => {
    const { kase, plan } = await loadReintegrationCase(ctx.tx, actor, caseId);
    const officeId = monitoringOfficeId(plan, requestedOfficeId);
    authorize(request, officeId !== null && monitoringPolicy.record(actor, kase, plan, officeId));
    if (officeId === null) throw noOffice();
    await record(ctx, kase, officeId);
    return { ...(await listMonitoring(ctx.tx, kase)), policies: { record: true } };
  });
}

/** Post-return monitoring: visits, sustainability surveys and the survey's weights. */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/monitoring',
    {
      config: { access: 'user', policy: 'monitoring.read' },
      schema: {
        tags,
        summary: "A case's monitoring visits and sustainability surveys with their scores, oldest first",
        params: ZCaseParams,
        response: { 200: ZMonitoringResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const { kase, plan } = await loadReintegrationCase(db, actor, request.params.id);
      authorize(request, monitoringPolicy.read(actor, kase, plan));
      const record = plan !== null && hasRoleAt(actor, plan.originOfficeId, 'reintegration_officer');
      return { ...(await listMonitoring(db, kase)), policies: { record } };
    },
  );

  app.post(
    '/cases/:id/monitoring-visits',
    {
      config: { access: 'user', policy: 'monitoring.record' },
      schema: {
        tags,
        summary: 'Record a monitoring visit or call (a reintegration officer of the origin office)',
        params: ZCaseParams,
        body: ZRecordVisit,
        response: { 201: ZMonitoringResponse },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(
          await recordOnCase(request, request.params.id, request.body.officeId, (ctx, kase, officeId) =>
            recordVisit(ctx, kase, officeId, request.body),
          ),
        );
    },
  );

  app.post(
    '/cases/:id/sustainability-surveys',
    {
      config: { access: 'user', policy: 'monitoring.record' },
      schema: {
        tags,
        summary:
          'Record a reintegration sustainability survey; scored with the weights in force, which it keeps',
        params: ZCaseParams,
        body: ZRecordSurvey,
        response: { 201: ZMonitoringResponse },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(
          await recordOnCase(request, request.params.id, request.body.officeId, (ctx, kase, officeId) =>
            recordSurvey(ctx, kase, officeId, request.body),
          ),
        );
    },
  );

  app.get(
    '/sustainability-survey',
    {
      config: { access: 'user', policy: 'monitoring.readWeights' },
      schema: {
        tags,
        summary:
          'The survey: its dimensions, 15 indicators with their answers and scores, and the weights in force',
        response: { 200: ZSurveyDefinition },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, monitoringPolicy.readWeights(actor));
      const weights = await loadCurrentWeights(request.server.database.db, actor.missionId);
      return {
        dimensions: [...dimensions],
        indicators: sustainabilityIndicators.map((i) => ({ ...i, options: [...i.options] })),
        weights: weights ? presentWeights(weights) : null,
      };
    },
  );

  app.post(
    '/sustainability-weights',
    {
      config: { access: 'user', policy: 'monitoring.manageWeights' },
      schema: {
        tags,
        summary: 'Put new survey weights (and threshold) in force as the next version (administrators)',
        body: ZUpdateWeights,
        response: { 201: z.object({ weights: ZWeights }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, monitoringPolicy.manageWeights(actor));
      const weights = await withTransaction(request, (ctx) => updateSustainabilityWeights(ctx, request.body));
      return reply.status(201).send({ weights });
    },
  );
};
