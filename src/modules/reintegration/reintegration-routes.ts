import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { addPartnerNgo, updatePartnerNgo } from './add-partner-ngo.js';
import { createFundingBudget, listFundingBudgets, updateFundingBudget } from './create-funding-budget.js';
import { createGrant } from './create-grant.js';
import { finalisePlan } from './finalise-plan.js';
import { resolveGrantCaps } from './grant-caps.js';
import { listGrants } from './list-grants.js';
import { loadReintegrationCase } from './load-reintegration-case.js';
import { listPartnerNgos } from './partner-ngos.js';
import { presentPlan } from './present-plan.js';
import { lockGrant, recordDisbursement } from './record-disbursement.js';
import { reintegrationPolicies, reintegrationPolicy } from './reintegration-policy.js';
import {
  ZBudget,
  ZCaseParams,
  ZCreateBudget,
  ZCreateGrant,
  ZCreatePartnerNgo,
  ZDisbursement,
  ZFinalisePlan,
  ZGrant,
  ZGrantParams,
  ZPartnerNgo,
  ZPlanResponse,
  ZRecordDisbursement,
  ZSavePlan,
  ZUpdateBudget,
  ZUpdatePartnerNgo,
} from './reintegration-schemas.js';
import { savePlan } from './save-plan.js';

const tags = ['reintegration'];
const problem = (description: string) => z.object({}).passthrough().describe(description);

/** Reintegration plans, grants with their ledger, funding budgets and partner NGOs. */
export const reintegrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/reintegration-plan',
    {
      config: { access: 'user', policy: 'reintegration.read' },
      schema: {
        tags,
        summary:
          "The case's reintegration plan (null before one is drafted) and what the user may do with it",
        params: ZCaseParams,
        response: { 200: ZPlanResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const { kase, plan } = await loadReintegrationCase(db, actor, request.params.id);
      authorize(request, reintegrationPolicy.read(actor, kase, plan));
      return {
        plan: plan ? await presentPlan(db, plan) : null,
        policies: reintegrationPolicies(actor, kase, plan),
      };
    },
  );

  app.put(
    '/cases/:id/reintegration-plan',
    {
      config: { access: 'user', policy: 'reintegration.savePlan' },
      schema: {
        tags,
        summary:
          'Draft the plan (host-country caseworkers) or change it; a change after finalisation is a revision by the origin office. Send the version you edited.',
        params: ZCaseParams,
        body: ZSavePlan,
        response: { 200: ZPlanResponse, 409: problem('The plan changed meanwhile; carries currentVersion') },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const { kase, plan } = await loadReintegrationCase(ctx.tx, actor, request.params.id, {
          lockPlan: true,
        });
        const allowed =
          plan === null || plan.status === 'draft'
            ? reintegrationPolicy.draftPlan(actor, kase, plan)
            : reintegrationPolicy.finalisePlan(actor, kase, plan);
        authorize(request, allowed);
        const saved = await savePlan(ctx, kase, plan, request.body);
        return {
          plan: await presentPlan(ctx.tx, saved),
          policies: reintegrationPolicies(actor, kase, saved),
        };
      });
    },
  );

  app.post(
    '/cases/:id/reintegration-plan/finalise',
    {
      config: { access: 'user', policy: 'reintegration.finalisePlan' },
      schema: {
        tags,
        summary: 'Finalise the drafted plan (a reintegration officer of its office in the country of origin)',
        params: ZCaseParams,
        body: ZFinalisePlan,
        response: { 200: ZPlanResponse, 422: problem('The plan is not a draft') },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const { kase, plan } = await loadReintegrationCase(ctx.tx, actor, request.params.id, {
          lockPlan: true,
        });
        authorize(request, reintegrationPolicy.finalisePlan(actor, kase, plan));
        if (!plan) throw notFound('Reintegration plan');
        const saved = await finalisePlan(ctx, kase, plan, request.body.version);
        return {
          plan: await presentPlan(ctx.tx, saved),
          policies: reintegrationPolicies(actor, kase, saved),
        };
      });
    },
  );

  app.get(
    '/cases/:id/grants',
    {
      config: { access: 'user', policy: 'reintegration.read' },
      schema: {
        tags,
        summary: "The case's grants with their balances and ledgers",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZGrant) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const { kase, plan } = await loadReintegrationCase(db, actor, request.params.id);
      authorize(request, reintegrationPolicy.read(actor, kase, plan));
      return { items: await listGrants(db, kase) };
    },
  );

  app.post(
    '/cases/:id/grants',
    {
      config: { access: 'user', policy: 'reintegration.createGrant' },
      schema: {
        tags,
        summary: "Grant support drawn on a funding project's budget; the cash part is capped",
        params: ZCaseParams,
        body: ZCreateGrant,
        response: { 201: z.object({ grant: ZGrant }), 422: problem('Over a cap or over the budget left') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const grant = await withTransaction(request, async (ctx) => {
        const { kase, plan } = await loadReintegrationCase(ctx.tx, actor, request.params.id);
        authorize(request, reintegrationPolicy.createGrant(actor, kase, plan));
        const caps = await resolveGrantCaps(ctx.tx, {
          kase,
          type: request.body.type,
          date: ctx.now.toISOString().slice(0, 10),
        });
        const row = await createGrant(ctx, { kase, plan, input: request.body, caps });
        return (await listGrants(ctx.tx, kase, row.id))[0]!;
      });
      return reply.status(201).send({ grant });
    },
  );

  app.post(
    '/cases/:id/grants/:grantId/disbursements',
    {
      config: { access: 'user', policy: 'reintegration.disburse' },
      schema: {
        tags,
        summary:
          "Record a payment out of a grant (a reintegration officer of the grant's origin office); refused with 422 when it would overdraw the grant",
        params: ZGrantParams,
        body: ZRecordDisbursement,
        response: {
          201: z.object({ disbursement: ZDisbursement, grant: ZGrant }),
          422: problem('The payment would overdraw the grant, or does not fit its part'),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await withTransaction(request, async (ctx) => {
        const { kase, plan } = await loadReintegrationCase(ctx.tx, actor, request.params.id);
        const grant = await lockGrant(ctx, kase, request.params.grantId);
        authorize(request, reintegrationPolicy.disburse(actor, kase, plan, grant));
        const line = await recordDisbursement(ctx, { kase, grant, input: request.body });
        const [presented] = await listGrants(ctx.tx, kase, grant.id);
        return { disbursement: presented!.ledger.find((l) => l.id === line.id)!, grant: presented! };
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/funding-budgets',
    {
      config: { access: 'user', policy: 'reintegration.readBudgets' },
      schema: {
        tags,
        summary: 'Funding project budgets that grants draw on, with what is left',
        response: { 200: z.object({ items: z.array(ZBudget) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.readBudgets(actor));
      return { items: await listFundingBudgets(request.server.database.db, actor.missionId) };
    },
  );

  app.post(
    '/funding-budgets',
    {
      config: { access: 'user', policy: 'reintegration.manageBudgets' },
      schema: {
        tags,
        summary: "Set a funding project's reintegration budget (managers)",
        body: ZCreateBudget,
        response: { 201: z.object({ budget: ZBudget }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.manageBudgets(actor));
      const budget = await withTransaction(request, (ctx) => createFundingBudget(ctx, request.body));
      return reply.status(201).send({ budget });
    },
  );

  app.get(
    '/partner-ngos',
    {
      config: { access: 'user', policy: 'reintegration.readBudgets' },
      schema: {
        tags,
        summary: 'Partner NGOs on whose behalf grants are paid',
        response: { 200: z.object({ items: z.array(ZPartnerNgo) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.readBudgets(actor));
      return { items: await listPartnerNgos(request.server.database.db, actor.missionId) };
    },
  );

  app.post(
    '/partner-ngos',
    {
      config: { access: 'user', policy: 'reintegration.managePartners' },
      schema: {
        tags,
        summary: 'Add a partner NGO (administrators)',
        body: ZCreatePartnerNgo,
        response: { 201: z.object({ partnerNgo: ZPartnerNgo }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.managePartners(actor));
      const partnerNgo = await withTransaction(request, (ctx) => addPartnerNgo(ctx, request.body));
      return reply.status(201).send({ partnerNgo });
    },
  );

  app.patch(
    '/funding-budgets/:id',
    {
      config: { access: 'user', policy: 'reintegration.manageBudgets' },
      schema: {
        tags,
        summary:
          'Rename a budget, change its amount, retire it (active false) or bring it back (managers, administrators)',
        params: z.object({ id: z.uuid() }),
        body: ZUpdateBudget,
        response: { 200: z.object({ budget: ZBudget }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.manageBudgets(actor));
      const budget = await withTransaction(request, (ctx) =>
        updateFundingBudget(ctx, request.params.id, request.body),
      );
      return { budget };
    },
  );

  app.patch(
    '/partner-ngos/:id',
    {
      config: { access: 'user', policy: 'reintegration.managePartners' },
      schema: {
        tags,
        summary: 'Rename a partner NGO, retire it (active false) or bring it back (administrators)',
        params: z.object({ id: z.uuid() }),
        body: ZUpdatePartnerNgo,
        response: { 200: z.object({ partnerNgo: ZPartnerNgo }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, reintegrationPolicy.managePartners(actor));
      const partnerNgo = await withTransaction(request, (ctx) =>
        updatePartnerNgo(ctx, request.params.id, request.body),
      );
      return { partnerNgo };
    },
  );
};
