import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { getPerson } from '../persons/get-person.js';
import { mayManageConsents } from './consent-policy.js';
import {
  presentConsent,
  ZConsent,
  ZConsentParams,
  ZPersonConsentParams,
  ZRecordConsent,
  ZWithdrawConsent,
} from './consent-schemas.js';
import { recordConsent } from './record-consent.js';
import { personConsents } from './schema.js';
import { withdrawConsent } from './withdraw-consent.js';

const tags = ['consent'];
const REFUSED = 'Only the counsellors of the person’s cases, managers and administrators keep consents.';

/** A person's consents (return assistance, sharing with a partner, SMS contact): list, record, withdraw. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/consents',
    {
      config: { access: 'user', policy: 'consent.manage' },
      schema: {
        tags,
        summary: "A person's consents, withdrawn ones included, oldest first",
        params: ZPersonConsentParams,
        response: { 200: z.object({ items: z.array(ZConsent) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const person = await getPerson(db, actor.missionId, request.params.id);
      authorize(request, await mayManageConsents(db, actor, person.id), REFUSED);
      const c = personConsents;
      const rows = await db
        .select()
        .from(c)
        .where(and(eq(c.missionId, actor.missionId), eq(c.personId, person.id)))
        .orderBy(asc(c.recordedAt), asc(c.id));
      return { items: rows.map(presentConsent) };
    },
  );

  app.post(
    '/persons/:id/consents',
    {
      config: { access: 'user', policy: 'consent.manage' },
      schema: {
        tags,
        summary: 'Record a consent the person gave: purpose, partner (for sharing), day and how',
        params: ZPersonConsentParams,
        body: ZRecordConsent,
        response: { 201: z.object({ consent: ZConsent }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await withTransaction(request, async (ctx) => {
        const person = await getPerson(ctx.tx, actor.missionId, request.params.id);
        authorize(request, await mayManageConsents(ctx.tx, actor, person.id), REFUSED);
        return recordConsent(ctx, person.id, request.body);
      });
      return reply.status(201).send({ consent: presentConsent(row) });
    },
  );

  app.post(
    '/persons/:id/consents/:consentId/withdraw',
    {
      config: { access: 'user', policy: 'consent.manage' },
      schema: {
        tags,
        summary: 'Record that the person withdrew a consent; no transfer relies on it from that day',
        params: ZConsentParams,
        body: ZWithdrawConsent,
        response: { 200: z.object({ consent: ZConsent }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await withTransaction(request, async (ctx) => {
        const person = await getPerson(ctx.tx, actor.missionId, request.params.id);
        authorize(request, await mayManageConsents(ctx.tx, actor, person.id), REFUSED);
        return withdrawConsent(ctx, person.id, request.params.consentId, request.body);
      });
      return { consent: presentConsent(row) };
    },
  );
};
