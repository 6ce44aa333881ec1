import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { ZCaseParams } from '../cases/activity-schemas.js';
import { loadCase } from '../cases/load-case.js';
import { counsellingPolicy } from './counselling-policy.js';
import {
  ZCounsellingSession,
  ZCreateCounsellingSession,
  ZCreateOutreachActivity,
  ZListOutreachQuery,
  ZOutreachActivity,
  ZOutreachReport,
  ZOutreachReportQuery,
} from './counselling-schemas.js';
import { getOutreachReport, listOutreachActivities } from './get-outreach-report.js';
import { listCounsellingSessions } from './list-counselling-sessions.js';
import { recordCounsellingSession } from './record-counselling-session.js';
import { recordOutreachActivity } from './record-outreach-activity.js';

const tags = ['counselling'];

/** Counselling sessions per case, and outreach (information sessions, network meetings) per location. */
export const counsellingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/counselling-sessions',
    {
      config: { access: 'user', policy: 'counselling.listSessions' },
      schema: {
        tags,
        summary: "A case's counselling sessions, newest first",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZCounsellingSession) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, counsellingPolicy.listSessions(actor, kase));
      return { items: await listCounsellingSessions(db, kase) };
    },
  );

  app.post(
    '/cases/:id/counselling-sessions',
    {
      config: { access: 'user', policy: 'counselling.recordSession' },
      schema: {
        tags,
        summary: 'Record a counselling session: language, interpreter, topics, outcome and next step',
        params: ZCaseParams,
        body: ZCreateCounsellingSession,
        response: { 201: z.object({ session: ZCounsellingSession }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const session = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(
          request,
          counsellingPolicy.recordSession(actor, kase),
          'You may not record sessions on this case.',
        );
        return recordCounsellingSession(ctx, kase, request.body);
      });
      return reply.status(201).send({ session });
    },
  );

  app.get(
    '/outreach-activities',
    {
      config: { access: 'user', policy: 'counselling.listOutreach' },
      schema: {
        tags,
        summary: 'Information sessions and network meetings at the offices you may see, newest first',
        querystring: ZListOutreachQuery,
        response: { 200: z.object({ items: z.array(ZOutreachActivity) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, counsellingPolicy.listOutreach(actor));
      return {
        items: await listOutreachActivities(request.server.database.db, actor, request.query, new Date()),
      };
    },
  );

  app.post(
    '/outreach-activities',
    {
      config: { access: 'user', policy: 'counselling.recordOutreach' },
      schema: {
        tags,
        summary: 'Record an information session or network meeting held at an office',
        body: ZCreateOutreachActivity,
        response: { 201: z.object({ activity: ZOutreachActivity }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(
        request,
        counsellingPolicy.recordOutreach(actor, request.body.officeId),
        'You may not record outreach for this office.',
      );
      const activity = await withTransaction(request, (ctx) => recordOutreachActivity(ctx, request.body));
      return reply.status(201).send({ activity });
    },
  );

  app.get(
    '/outreach/report',
    {
      config: { access: 'user', policy: 'counselling.listOutreach' },
      schema: {
        tags,
        summary:
          'Outreach counted per period (month, quarter or year) and office: information sessions, network meetings, people reached, counselling sessions',
        querystring: ZOutreachReportQuery,
        response: { 200: ZOutreachReport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, counsellingPolicy.listOutreach(actor));
      return getOutreachReport(request.server.database.db, actor, request.query, new Date());
    },
  );
};
