import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { organisationPolicy } from './organisation-policy.js';
import {
  ZCreateReferralSource,
  ZOffice,
  ZReferralSource,
  ZUpdateReferralSource,
  ZUserSummary,
} from './organisation-schemas.js';
import { createReferralSource, listReferralSources, updateReferralSource } from './referral-sources.js';
import { offices, users } from './schema.js';

const tags = ['organisation'];

function presentSource(
  row: { code: string; labelEn: string; labelNl: string; active: boolean },
  locale: string,
) {
  return { ...row, label: locale === 'nl' ? row.labelNl : row.labelEn };
}

/** Offices, colleagues and the mission's editable lists. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: 'user', policy: 'organisation.read' } as const;
  const edit = { access: 'user', policy: 'organisation.editLists' } as const;

  app.get(
    '/offices',
    {
      config: read,
      schema: {
        tags,
        summary: 'Offices and work locations of the mission',
        response: { 200: z.object({ items: z.array(ZOffice) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.read(actor));
      const items = await request.server.database.db
        .select({
          id: offices.id,
          name: offices.name,
          kind: offices.kind,
          country: offices.country,
          city: offices.city,
        })
        .from(offices)
        .where(eq(offices.missionId, actor.missionId))
        .orderBy(asc(offices.name));
      return { items };
    },
  );

  app.get(
    '/users',
    {
      config: read,
      schema: {
        tags,
        summary: 'Active users of the mission (for assignee pickers)',
        response: { 200: z.object({ items: z.array(ZUserSummary) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.read(actor));
      const items = await request.server.database.db
        .select({ id: users.id, displayName: users.displayName, email: users.email })
        .from(users)
        .where(and(eq(users.missionId, actor.missionId), eq(users.active, true)))
        .orderBy(asc(users.displayName));
      return { items };
    },
  );

  app.get(
    '/referral-sources',
    {
      config: read,
      schema: {
        tags,
        summary: 'Where referrals come from',
        response: { 200: z.object({ items: z.array(ZReferralSource) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.read(actor));
      const rows = await listReferralSources(request.server.database.db, actor.missionId);
      return { items: rows.map((row) => presentSource(row, actor.locale)) };
    },
  );

  app.post(
    '/referral-sources',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a referral source',
        body: ZCreateReferralSource,
        response: { 201: ZReferralSource },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.editLists(actor), 'Only administrators edit referral sources.');
      const row = await withTransaction(request, (ctx) => createReferralSource(ctx, request.body));
      return reply.status(201).send(presentSource(row, actor.locale));
    },
  );

  app.patch(
    '/referral-sources/:code',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Rename, retire or re-activate a referral source',
        params: z.object({ code: z.string() }),
        body: ZUpdateReferralSource,
        response: { 200: ZReferralSource },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.editLists(actor), 'Only administrators edit referral sources.');
      const row = await withTransaction(request, (ctx) =>
        updateReferralSource(ctx, request.params.code, request.body),
      );
      return presentSource(row, actor.locale);
    },
  );
};
