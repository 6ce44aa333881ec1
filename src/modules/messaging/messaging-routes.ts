import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { replayOutboxMessage } from '../../platform/outbox/replay-outbox-message.js';
import { casePolicy } from '../cases/case-policy.js';
import { ZCaseIdParams } from '../cases/case-schemas.js';
import { loadCase } from '../cases/load-case.js';
import { listCaseMessages, listOutboxMessages } from './list-outbox-messages.js';
import { listSinkMessages } from './list-sink-messages.js';
import { messagingPolicy } from './messaging-policy.js';
import {
  ZListOutboxQuery,
  ZListSinkQuery,
  ZMessageIdParams,
  ZOutboxMessage,
  ZSaveSmsTemplate,
  ZSinkMessage,
  ZSmsTemplate,
  ZSmsTemplateParams,
} from './messaging-schemas.js';
import { listSmsTemplates, resetSmsTemplate, saveSmsTemplate } from './sms-templates.js';

const tags = ['messaging'];
const page = (item: z.ZodType) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Messages: a case's SMS and webhooks, the outbox and its dead letters, the development sink, SMS templates. */
export const messagingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/messages',
    {
      config: { access: 'user', policy: 'cases.read' },
      schema: {
        tags,
        summary: 'The messages sent about a case, with their delivery status and every attempt',
        params: ZCaseIdParams,
        response: { 200: z.object({ items: z.array(ZOutboxMessage) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCase(db, actor, request.params.id);
      authorize(request, casePolicy.read(actor, kase));
      return { items: await listCaseMessages(db, actor.missionId, kase.id) };
    },
  );

  app.get(
    '/outbox/messages',
    {
      config: { access: 'user', policy: 'outbox.list' },
      schema: {
        tags,
        summary: 'Every queued, sent, failing and dead message (webhook deliveries with channel=webhook)',
        querystring: ZListOutboxQuery,
        response: { 200: page(ZOutboxMessage) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.listOutbox(actor));
      return listOutboxMessages(request.server.database.db, actor.missionId, request.query);
    },
  );

  app.post(
    '/outbox/messages/:id/replay',
    {
      config: { access: 'user', policy: 'outbox.replay' },
      schema: {
        tags,
        summary:
          'Queue a dead, failed or sent message again with a fresh attempt budget (same idempotency key)',
        params: ZMessageIdParams,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.replay(actor));
      const row = await withTransaction(request, (ctx) => replayOutboxMessage(ctx, request.params.id));
      return { id: row.id, status: row.status };
    },
  );

  app.get(
    '/dev-sink/messages',
    {
      config: { access: 'user', policy: 'sink.list' },
      schema: {
        tags,
        summary: 'SMS and e-mail received by the development sink (used when no provider is configured)',
        querystring: ZListSinkQuery,
        response: { 200: page(ZSinkMessage) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.listSink(actor));
      return listSinkMessages(request.server.database.db, actor.missionId, request.query);
    },
  );

  app.get(
    '/sms-templates',
    {
      config: { access: 'user', policy: 'templates.list' },
      schema: {
        tags,
        summary: 'The SMS templates in effect, per kind and language (built-in or the mission’s own)',
        response: { 200: z.object({ items: z.array(ZSmsTemplate) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.listTemplates(actor));
      return { items: await listSmsTemplates(request.server.database.db, actor.missionId) };
    },
  );

  app.put(
    '/sms-templates/:kind/:language',
    {
      config: { access: 'user', policy: 'templates.update' },
      schema: {
        tags,
        summary: 'Write the mission’s own wording of a template; it must use exactly the kind’s variables',
        params: ZSmsTemplateParams,
        body: ZSaveSmsTemplate,
        response: { 200: z.object({ kind: z.string(), language: z.string(), body: z.string() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.editTemplates(actor));
      const row = await withTransaction(request, (ctx) =>
        saveSmsTemplate(ctx, request.params.kind, request.params.language, request.body.body),
      );
      return { kind: row.kind, language: row.language, body: row.body };
    },
  );

  app.delete(
    '/sms-templates/:kind/:language',
    {
      config: { access: 'user', policy: 'templates.update' },
      schema: {
        tags,
        summary: 'Drop the mission’s own wording so the built-in text applies again',
        params: ZSmsTemplateParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, messagingPolicy.editTemplates(actor));
      await withTransaction(request, (ctx) =>
        resetSmsTemplate(ctx, request.params.kind, request.params.language),
      );
      return reply.status(204).send(null);
    },
  );
};
