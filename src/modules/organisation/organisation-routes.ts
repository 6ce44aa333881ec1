import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { createOffice, listOffices, updateOffice } from './offices.js';
import { organisationPolicy } from './organisation-policy.js';
import {
  ZCreateOffice,
  ZCreateReferralSource,
  ZOffice,
  ZOfficeListQuery,
  ZReferralSource,
  ZUpdateOffice,
  ZUpdateReferralSource,
} from './organisation-schemas.js';
import { createReferralSource, listReferralSources, updateReferralSource } from './referral-sources.js';

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
        summary: 'Offices and work locations of the mission (open ones unless asked)',
        querystring: ZOfficeListQuery,
        response: { 200: z.object({ items: z.array(ZOffice) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.read(actor));
      const items = await listOffices(request.server.database.db, actor.missionId, {
        includeInactive: request.query.includeInactive,
      });
      return { items };
    },
  );

  app.post(
    '/offices',
    {
      config: { access: 'user', policy: 'organisation.manageOffices' },
      schema: {
        tags,
        summary: 'Open an office or work location',
        description: 'Administrators only; audited.',
        body: ZCreateOffice,
        response: { 201: z.object({ office: ZOffice }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.manageOffices(actor), 'Only administrators open offices.');
      const office = await withTransaction(request, (ctx) => createOffice(ctx, request.body));
      return reply.status(201).send({ office });
    },
  );

  app.patch(
    '/offices/:id',
    {
      config: { access: 'user', policy: 'organisation.manageOffices' },
      schema: {
        tags,
        summary: 'Rename an office, change its kind or place, close it (active false) or reopen it',
        description: 'Administrators only; audited. A closed office keeps its cases and history.',
        params: z.object({ id: z.uuid() }),
        body: ZUpdateOffice,
        response: { 200: z.object({ office: ZOffice }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.manageOffices(actor), 'Only administrators change offices.');
      const office = await withTransaction(request, (ctx) =>
        updateOffice(ctx, request.params.id, request.body),
      );
      return { office };
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
