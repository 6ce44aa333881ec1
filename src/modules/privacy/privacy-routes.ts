import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { casePolicy } from '../cases/case-policy.js';
import { loadCase } from '../cases/load-case.js';
import { breakGlass } from '../cases/restricted-data.js';
import { listAccessLog } from './list-access-log.js';
import { privacyPolicy } from './privacy-policy.js';
import {
  ZAccessEntryParams,
  ZAccessLogEntry,
  ZAccessLogQuery,
  ZBreakGlass,
  ZReviewAccess,
} from './privacy-schemas.js';
import { reviewAccess } from './review-access.js';

const tags = ['privacy'];

/** Need-to-know: a manager's break-glass access to a case, and the administrators' access log. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:id/break-glass',
    {
      config: { access: 'user', policy: 'cases.breakGlass' },
      schema: {
        tags,
        summary:
          "Open a case's restricted data (medical, trafficking, minors') for a few hours, with the reason: logged and flagged for review",
        params: z.object({ id: z.uuid() }),
        body: ZBreakGlass,
        response: { 201: z.object({ until: z.iso.datetime() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const until = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(
          request,
          casePolicy.breakGlass(actor, kase),
          'Only a manager of the case office may break the glass.',
        );
        return breakGlass(ctx, kase, request.body.reason);
      });
      return reply.status(201).send({ until: until.toISOString() });
    },
  );

  app.get(
    '/access-log',
    {
      config: { access: 'user', policy: 'privacy.readAccessLog' },
      schema: {
        tags,
        summary:
          'Who read which restricted data, newest first, with break-glass accesses and whether they were reviewed',
        querystring: ZAccessLogQuery,
        response: { 200: z.object({ items: z.array(ZAccessLogEntry) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, privacyPolicy.readAccessLog(actor));
      return { items: await listAccessLog(request.server.database.db, actor, request.query) };
    },
  );

  app.post(
    '/access-log/:id/review',
    {
      config: { access: 'user', policy: 'privacy.review' },
      schema: {
        tags,
        summary: 'Mark a break-glass access as reviewed (written to the audit trail)',
        params: ZAccessEntryParams,
        body: ZReviewAccess,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, privacyPolicy.review(actor));
      await withTransaction(request, (ctx) => reviewAccess(ctx, request.params.id, request.body.note));
      return reply.status(204).send(null);
    },
  );
};
