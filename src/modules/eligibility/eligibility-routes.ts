import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { loadCase } from '../cases/load-case.js';
import { eligibilityPolicies, eligibilityPolicy } from './eligibility-policy.js';
import {
  ZCaseParams,
  ZDecisionParams,
  ZEligibilityDecision,
  ZEligibilityResult,
  ZEvaluateBody,
  ZEvaluateQuery,
  ZOverrideDecision,
  ZRecordDecision,
} from './eligibility-schemas.js';
import { evaluateCaseEligibility } from './evaluate-case-eligibility.js';
import { listEligibilityDecisions, presentDecision } from './list-eligibility-decisions.js';
import { overrideEligibilityDecision } from './override-eligibility-decision.js';
import { policyRoutes } from './policy-routes.js';
import { recordEligibilityDecision } from './record-eligibility-decision.js';

const tags = ['eligibility'];
const ZDecisionResponse = z.object({ decision: ZEligibilityDecision });
const problem = (description: string) => z.object({}).passthrough().describe(description);

/** Eligibility decisions on cases, and the policy tables they apply. */
export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(policyRoutes);

  app.post(
    '/cases/:id/eligibility/evaluate',
    {
      config: { access: 'user', policy: 'eligibility.decide' },
      schema: {
        tags,
        summary: 'Preview the eligibility of a case on a date, with every reason (nothing is stored)',
        params: ZCaseParams,
        querystring: ZEvaluateQuery,
        body: ZEvaluateBody,
        response: {
          200: z.object({ inputs: z.record(z.string(), z.unknown()), result: ZEligibilityResult }),
          422: problem('No policy was in force on that date'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, eligibilityPolicy.decide(actor, kase), 'You may not decide on this case.');
      const evaluation = await evaluateCaseEligibility(db, kase, {
        date: request.query.date,
        declarations: request.body.declarations,
        now: new Date(),
        timeZone: actor.mission.timeZone,
      });
      return { inputs: evaluation.inputs as unknown as Record<string, unknown>, result: evaluation.result };
    },
  );

  app.get(
    '/cases/:id/eligibility-decisions',
    {
      config: { access: 'user', policy: 'eligibility.read' },
      schema: {
        tags,
        summary: 'The eligibility decisions of a case, newest (the one in effect) first',
        params: ZCaseParams,
        response: {
          200: z.object({
            items: z.array(ZEligibilityDecision),
            policies: z.object({ decide: z.boolean(), override: z.boolean() }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, eligibilityPolicy.readDecisions(actor, kase));
      return {
        items: await listEligibilityDecisions(db, kase.missionId, kase.id),
        policies: eligibilityPolicies(actor, kase),
      };
    },
  );

  app.post(
    '/cases/:id/eligibility-decisions',
    {
      config: { access: 'user', policy: 'eligibility.decide' },
      schema: {
        tags,
        summary: 'Record the eligibility decision of a case with its inputs and the policy version used',
        params: ZCaseParams,
        body: ZRecordDecision,
        response: { 201: ZDecisionResponse, 422: problem('No policy was in force on that date') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const decision = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, eligibilityPolicy.decide(actor, kase), 'You may not decide on this case.');
        const row = await recordEligibilityDecision(ctx, kase, request.body);
        return presentDecision(row, { id: actor.id, displayName: actor.displayName });
      });
      return reply.status(201).send({ decision });
    },
  );

  app.post(
    '/cases/:id/eligibility-decisions/:decisionId/override',
    {
      config: { access: 'user', policy: 'eligibility.override' },
      schema: {
        tags,
        summary: 'Override a decision with another outcome and a written justification (audited)',
        params: ZDecisionParams,
        body: ZOverrideDecision,
        response: { 201: ZDecisionResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const decision = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(
          request,
          eligibilityPolicy.override(actor, kase),
          'You may not override decisions on this case.',
        );
        const row = await overrideEligibilityDecision(ctx, kase, request.params.decisionId, request.body);
        return presentDecision(row, { id: actor.id, displayName: actor.displayName });
      });
      return reply.status(201).send({ decision });
    },
  );
};
