import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { casePolicy, changesRestrictingFlags } from './case-policy.js';
import {
  ZCaseDetail,
  ZCaseIdParams,
  ZCaseQuery,
  ZCaseSummary,
  ZCreateCase,
  ZListCasesQuery,
  ZTimelineEntry,
  ZTransitionOption,
  ZTransitionRequest,
  ZUpdateCase,
} from './case-schemas.js';
import { createCase } from './create-case.js';
import { getCaseDetail } from './get-case.js';
import { getCasePage } from './get-case-page.js';
import { getCaseTimeline } from './get-timeline.js';
import { listCases } from './list-cases.js';
import { loadCase } from './load-case.js';
import { listCaseTransitions, transitionCase } from './transition-case.js';
import { updateCase } from './update-case.js';

const tags = ['cases'];
const ZCaseResponse = z.object({ case: ZCaseDetail });
const problem = (description: string) => z.object({}).passthrough().describe(description);

/** Cases: the caseload, a case's page, its workflow transitions and its timeline. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases',
    {
      config: { access: 'user', policy: 'cases.list' },
      schema: {
        tags,
        summary:
          'The caseload the user may see, filtered and paginated (newest change first) by page number or, for deep pages, by the cursor of the previous page',
        querystring: ZListCasesQuery,
        response: {
          200: z.object({
            items: z.array(ZCaseSummary),
            total: z.number().int(),
            page: z.number().int().optional().describe('The page number; absent when paged with `after`'),
            pageSize: z.number().int(),
            nextCursor: z
              .string()
              .nullable()
              .describe('Pass as `after` for the next page; null on the last page'),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, casePolicy.list(actor));
      return listCases(request.server.database.db, actor, request.query);
    },
  );

  app.post(
    '/cases',
    {
      config: { access: 'user', policy: 'cases.create' },
      schema: {
        tags,
        summary: 'Open a case for registered persons (the first is the principal applicant)',
        body: ZCreateCase,
        response: { 201: ZCaseResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(
        request,
        casePolicy.create(actor, request.body.officeId),
        'You may not open cases at this office.',
      );
      const detail = await withTransaction(request, async (ctx) => {
        const kase = await createCase(ctx, request.body);
        return getCaseDetail(ctx.tx, actor, kase);
      });
      return reply.status(201).send({ case: detail });
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: 'user', policy: 'cases.read' },
      schema: {
        tags,
        summary:
          'A case with its people and what the user may do with it; `include` adds its workflow steps and its timeline to the same answer (the case page in one request)',
        params: ZCaseIdParams,
        querystring: ZCaseQuery,
        response: {
          200: ZCaseResponse.extend({
            transitions: z
              .array(ZTransitionOption)
              .optional()
              .describe('With include=transitions: as GET /cases/{id}/transitions gives its items'),
            timeline: z
              .array(ZTimelineEntry)
              .optional()
              .describe('With include=timeline: as GET /cases/{id}/timeline gives its items'),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const include = request.query.include ?? [];
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, casePolicy.read(actor, kase));
      // A restricted case's read, its included steps and timeline with it, is logged once by the
      // case-read hook (restricted-case-reads.ts).
      return getCasePage(db, actor, kase, include, new Date());
    },
  );

  app.patch(
    '/cases/:id',
    {
      config: { access: 'user', policy: 'cases.update' },
      schema: {
        tags,
        summary: 'Change a case (optimistic concurrency: send the version you edited; a stale one gets 409)',
        params: ZCaseIdParams,
        body: ZUpdateCase,
        response: {
          200: ZCaseResponse,
          409: problem('The case changed meanwhile; the problem carries currentVersion'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id, { forUpdate: true });
        authorize(request, casePolicy.update(actor, kase));
        if (changesRestrictingFlags(kase.vulnerabilities, request.body.vulnerabilities)) {
          authorize(
            request,
            casePolicy.changeRestrictedFlags(actor, kase),
            'Only the vulnerable-cases officer, a manager or an administrator adds or removes the trafficking flag.',
          );
        }
        if (request.body.officeId) {
          authorize(
            request,
            casePolicy.create(actor, request.body.officeId),
            'You may not move cases to that office.',
          );
        }
        const updated = await updateCase(ctx, kase, request.body);
        return { case: await getCaseDetail(ctx.tx, actor, updated) };
      });
    },
  );

  app.get(
    '/cases/:id/transitions',
    {
      config: { access: 'user', policy: 'cases.read' },
      schema: {
        tags,
        summary: 'The workflow steps possible now, and for the others why not',
        params: ZCaseIdParams,
        response: { 200: z.object({ items: z.array(ZTransitionOption) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, casePolicy.read(actor, kase));
      return { items: await listCaseTransitions(db, actor, kase, new Date()) };
    },
  );

  app.post(
    '/cases/:id/transitions',
    {
      config: { access: 'user', policy: 'cases.transition' },
      schema: {
        tags,
        summary:
          'Perform a workflow step; refused with 422 and every reason when a guard does not hold, and with 409 for the steps that follow movement facts (departed and no-show from the airport board, arrived from the arrival handover, a cancelled booking): `code` says where they are recorded',
        params: ZCaseIdParams,
        body: ZTransitionRequest,
        response: {
          200: ZCaseResponse,
          409: problem('The step follows a movement fact and is recorded elsewhere; `code` says where'),
          422: problem('The step is not possible now; `reasons` says why'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, casePolicy.transition(actor, kase));
        const updated = await transitionCase(ctx, kase.id, request.body);
        return { case: await getCaseDetail(ctx.tx, actor, updated) };
      });
    },
  );

  app.get(
    '/cases/:id/timeline',
    {
      config: { access: 'user', policy: 'cases.read' },
      schema: {
        tags,
        summary: 'What happened to the case, newest first',
        params: ZCaseIdParams,
        response: { 200: z.object({ items: z.array(ZTimelineEntry) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, casePolicy.read(actor, kase));
      return { items: await getCaseTimeline(db, kase) };
    },
  );
};
