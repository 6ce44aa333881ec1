import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { ZCaseParams } from '../cases/activity-schemas.js';
import { loadCase } from '../cases/load-case.js';
import { changeRequestStatus, loadRequestForUpdate } from './change-request-status.js';
import { scheduleOverdueReminders } from './create-overdue-reminders.js';
import { createTravelDocumentRequest } from './create-travel-document-request.js';
import { listEmbassies, presentEmbassy } from './list-embassies.js';
import { listCaseRequests, listOpenRequestsByEmbassy } from './list-travel-document-requests.js';
import { createEmbassy, updateEmbassy } from './save-embassy.js';
import { travelDocumentPolicy } from './travel-document-policy.js';
import {
  ZChangeRequestStatus,
  ZCreateEmbassy,
  ZCreateTravelDocumentRequest,
  ZEmbassy,
  ZEmbassyQuery,
  ZIdParams,
  ZOpenRequestsByEmbassy,
  ZOpenRequestsQuery,
  ZTravelDocumentRequest,
  ZUpdateEmbassy,
} from './travel-document-schemas.js';

const tags = ['travel documents'];
const ZEmbassyResponse = z.object({ embassy: ZEmbassy });
const ZRequestResponse = z.object({ request: ZTravelDocumentRequest });

/** The embassy directory, travel-document requests per person of a case, and the liaison's worklist. */
export const travelDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  scheduleOverdueReminders(app);

  app.get(
    '/embassies',
    {
      config: { access: 'user', policy: 'travelDocuments.listEmbassies' },
      schema: {
        tags,
        summary: 'The embassy and consulate directory',
        querystring: ZEmbassyQuery,
        response: { 200: z.object({ items: z.array(ZEmbassy) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, travelDocumentPolicy.listEmbassies(actor));
      return { items: await listEmbassies(request.server.database.db, actor.missionId, request.query) };
    },
  );

  app.post(
    '/embassies',
    {
      config: { access: 'user', policy: 'travelDocuments.manageEmbassies' },
      schema: {
        tags,
        summary: 'Add an embassy or consulate (diplomatic liaison, administrator)',
        body: ZCreateEmbassy,
        response: { 201: ZEmbassyResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(
        request,
        travelDocumentPolicy.manageEmbassies(actor),
        'Only the diplomatic liaison and administrators keep the directory.',
      );
      const row = await withTransaction(request, (ctx) => createEmbassy(ctx, request.body));
      return reply.status(201).send({ embassy: presentEmbassy(row) });
    },
  );

  app.patch(
    '/embassies/:id',
    {
      config: { access: 'user', policy: 'travelDocuments.manageEmbassies' },
      schema: {
        tags,
        summary: "Change an embassy's details or reminder days, or deactivate it",
        params: ZIdParams,
        body: ZUpdateEmbassy,
        response: { 200: ZEmbassyResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(
        request,
        travelDocumentPolicy.manageEmbassies(actor),
        'Only the diplomatic liaison and administrators keep the directory.',
      );
      const row = await withTransaction(request, (ctx) =>
        updateEmbassy(ctx, request.params.id, request.body),
      );
      return { embassy: presentEmbassy(row) };
    },
  );

  app.get(
    '/cases/:id/travel-document-requests',
    {
      config: { access: 'user', policy: 'travelDocuments.readRequests' },
      schema: {
        tags,
        summary: "A case's travel-document requests, newest first, with days waiting and whether overdue",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZTravelDocumentRequest) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, travelDocumentPolicy.readRequests(actor, kase));
      return { items: await listCaseRequests(db, actor, kase, new Date()) };
    },
  );

  app.post(
    '/cases/:id/travel-document-requests',
    {
      config: { access: 'user', policy: 'travelDocuments.manageRequests' },
      schema: {
        tags,
        summary: 'Record a travel-document request sent to an embassy for a person of the case',
        params: ZCaseParams,
        body: ZCreateTravelDocumentRequest,
        response: { 201: ZRequestResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, travelDocumentPolicy.manageRequests(actor, kase));
        return createTravelDocumentRequest(ctx, kase, request.body);
      });
      return reply.status(201).send({ request: created });
    },
  );

  app.post(
    '/travel-document-requests/:id/status',
    {
      config: { access: 'user', policy: 'travelDocuments.manageRequests' },
      schema: {
        tags,
        summary:
          "Record the embassy's answer: interview scheduled, document issued (also recorded as the person's travel document), refused or cancelled",
        params: ZIdParams,
        body: ZChangeRequestStatus,
        response: { 200: ZRequestResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const changed = await withTransaction(request, async (ctx) => {
        const row = await loadRequestForUpdate(ctx.tx, actor, request.params.id);
        const kase = await loadCase(ctx.tx, actor, row.caseId);
        authorize(request, travelDocumentPolicy.manageRequests(actor, kase));
        return changeRequestStatus(ctx, kase, row, request.body);
      });
      return { request: changed };
    },
  );

  app.get(
    '/travel-document-requests/open',
    {
      config: { access: 'user', policy: 'travelDocuments.listOpen' },
      schema: {
        tags,
        summary:
          "The liaison's worklist: requests awaiting an embassy's answer, grouped by embassy, most overdue first",
        querystring: ZOpenRequestsQuery,
        response: { 200: ZOpenRequestsByEmbassy },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, travelDocumentPolicy.listOpen(actor));
      const groups = await listOpenRequestsByEmbassy(request.server.database.db, actor, {
        now: new Date(),
        overdueOnly: request.query.overdueOnly === 'true',
      });
      return { groups };
    },
  );
};
