import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { createPolicyVersion } from './create-policy-version.js';
import { eligibilityPolicy } from './eligibility-policy.js';
import {
  ZCreatePolicyVersion,
  ZInForceQuery,
  ZPolicyVersion,
  ZPolicyVersionHeader,
  ZPolicyVersionParams,
} from './eligibility-schemas.js';
import { listPolicyVersionHeaders, loadPolicyInForce, loadPolicyVersion } from './policy-store.js';

const tags = ['policy'];
const problem = (description: string) => z.object({}).passthrough().describe(description);

/** The mission's return policy as versioned, effective-dated reference data. */
export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/policy/versions',
    {
      config: { access: 'user', policy: 'policy.read' },
      schema: {
        tags,
        summary: 'Every version of the policy, newest first, and whether the user may add one',
        response: {
          200: z.object({
            items: z.array(ZPolicyVersionHeader),
            policies: z.object({ change: z.boolean() }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, eligibilityPolicy.readPolicy(actor));
      return {
        items: await listPolicyVersionHeaders(request.server.database.db, actor.missionId),
        policies: { change: eligibilityPolicy.changePolicy(actor) },
      };
    },
  );

  app.get(
    '/policy/versions/:versionId',
    {
      config: { access: 'user', policy: 'policy.read' },
      schema: {
        tags,
        summary: 'One policy version with all its lists, tariffs and parameters',
        params: ZPolicyVersionParams,
        response: { 200: z.object({ version: ZPolicyVersion }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, eligibilityPolicy.readPolicy(actor));
      const version = await loadPolicyVersion(
        request.server.database.db,
        actor.missionId,
        request.params.versionId,
      );
      return { version: { ...version, createdAt: new Date(version.createdAt) } };
    },
  );

  app.get(
    '/policy/in-force',
    {
      config: { access: 'user', policy: 'policy.read' },
      schema: {
        tags,
        summary: 'The policy version in force on a date (default: today in the mission)',
        querystring: ZInForceQuery,
        response: {
          200: z.object({ date: z.string(), version: ZPolicyVersion }),
          404: problem('None in force'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, eligibilityPolicy.readPolicy(actor));
      const date = request.query.date ?? missionToday(actor, new Date());
      const version = await loadPolicyInForce(request.server.database.db, actor.missionId, date);
      if (!version) throw notFound('Policy in force on that date');
      return { date, version: { ...version, createdAt: new Date(version.createdAt) } };
    },
  );

  app.post(
    '/policy/versions',
    {
      config: { access: 'user', policy: 'policy.change' },
      schema: {
        tags,
        summary: 'Change the policy: writes a new version with all its rows (administrators only)',
        body: ZCreatePolicyVersion,
        response: {
          201: z.object({ version: ZPolicyVersion }),
          409: problem('Another version was saved meanwhile'),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, eligibilityPolicy.changePolicy(actor), 'Only administrators may change the policy.');
      const version = await withTransaction(request, async (ctx) => {
        const header = await createPolicyVersion(ctx, request.body);
        return loadPolicyVersion(ctx.tx, actor.missionId, header.id);
      });
      return reply.status(201).send({ version: { ...version, createdAt: new Date(version.createdAt) } });
    },
  );
};
