import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { webhookTargetRefusal } from '../../platform/outbox/channels/webhook-target-policy.js';
import { createApiKey } from './create-api-key.js';
import { createPartner } from './create-partner.js';
import { listApiKeys, listPartners, listWebhooks } from './list-partners.js';
import { loadPartner } from './load-partner.js';
import { createWebhookSubscription, updateWebhookSubscription } from './manage-webhooks.js';
import { partnerPolicy } from './partner-policy.js';
import {
  ZApiKey,
  ZCreateApiKey,
  ZCreatePartner,
  ZCreateWebhook,
  ZIdParams,
  ZPartner,
  ZUpdatePartner,
  ZUpdateWebhook,
  ZWebhook,
} from './partner-schemas.js';
import { presentApiKey, presentPartner, presentWebhook } from './present-partners.js';
import { revokeApiKey } from './revoke-api-key.js';
import { apiKeyScopes } from './schema.js';
import { updatePartner } from './update-partner.js';
import { webhookEvents } from './webhook-events.js';

const tags = ['partners'];

/** Refuses a webhook URL that is not https in production or points inside the network (400 on body.url). */
async function checkWebhookTarget(config: Config, url: string | undefined): Promise<void> {
  if (url === undefined) return;
  const refusal = await webhookTargetRefusal(url, config.webhookTargets, { unresolvable: 'accept' });
  if (refusal) throw badRequest(`The webhook URL ${refusal}.`, [{ path: 'body.url', message: refusal }]);
}

/** Partners, their API keys and their webhook subscriptions (administrators). */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/partners',
    {
      config: { access: 'user', policy: 'partners.list' },
      schema: {
        tags,
        summary: 'The partner organisations of the mission, with the events and scopes on offer',
        response: {
          200: z.object({
            items: z.array(ZPartner),
            webhookEvents: z.array(z.string()),
            apiKeyScopes: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.list(actor));
      const rows = await listPartners(request.server.database.db, actor.missionId);
      return {
        items: rows.map(presentPartner),
        webhookEvents: [...webhookEvents],
        apiKeyScopes: [...apiKeyScopes],
      };
    },
  );

  app.post(
    '/partners',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'Record a partner organisation',
        body: ZCreatePartner,
        response: { 201: ZPartner },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      const row = await withTransaction(request, (ctx) => createPartner(ctx, request.body));
      return reply.status(201).send(presentPartner(row));
    },
  );

  app.patch(
    '/partners/:id',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'Change a partner; deactivating it stops its API keys and webhooks',
        params: ZIdParams,
        body: ZUpdatePartner,
        response: { 200: ZPartner },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      return presentPartner(
        await withTransaction(request, (ctx) => updatePartner(ctx, request.params.id, request.body)),
      );
    },
  );

  app.get(
    '/partners/:id/api-keys',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'A partner’s API keys (never the keys themselves)',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZApiKey) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      const db = request.server.database.db;
      await loadPartner(db, actor.missionId, request.params.id);
      return { items: (await listApiKeys(db, actor.missionId, request.params.id)).map(presentApiKey) };
    },
  );

  app.post(
    '/partners/:id/api-keys',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'Issue an API key with scopes; the key is in this response only and cannot be shown again',
        params: ZIdParams,
        body: ZCreateApiKey,
        response: { 201: ZApiKey.extend({ key: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      const { row, key } = await withTransaction(request, (ctx) =>
        createApiKey(ctx, request.params.id, request.body),
      );
      return reply.status(201).send({ ...presentApiKey(row), key });
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: { tags, summary: 'Revoke an API key at once', params: ZIdParams, response: { 200: ZApiKey } },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      return presentApiKey(await withTransaction(request, (ctx) => revokeApiKey(ctx, request.params.id)));
    },
  );

  app.get(
    '/partners/:id/webhooks',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'A partner’s webhook subscriptions',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZWebhook) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      const db = request.server.database.db;
      await loadPartner(db, actor.missionId, request.params.id);
      return { items: (await listWebhooks(db, actor.missionId, request.params.id)).map(presentWebhook) };
    },
  );

  app.post(
    '/partners/:id/webhooks',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary:
          'Subscribe a URL to events. Deliveries are POSTed with Idempotency-Key and Passage-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">; the secret is in this response only',
        params: ZIdParams,
        body: ZCreateWebhook,
        response: { 201: ZWebhook.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      await checkWebhookTarget(request.server.config, request.body.url);
      const { row, secret } = await withTransaction(request, (ctx) =>
        createWebhookSubscription(ctx, request.params.id, request.body),
      );
      return reply.status(201).send({ ...presentWebhook(row), secret });
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { access: 'user', policy: 'partners.manage' },
      schema: {
        tags,
        summary: 'Change or pause a webhook subscription',
        params: ZIdParams,
        body: ZUpdateWebhook,
        response: { 200: ZWebhook },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, partnerPolicy.manage(actor));
      await checkWebhookTarget(request.server.config, request.body.url);
      return presentWebhook(
        await withTransaction(request, (ctx) =>
          updateWebhookSubscription(ctx, request.params.id, request.body),
        ),
      );
    },
  );
};
