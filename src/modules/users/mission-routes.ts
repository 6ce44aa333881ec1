import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { organisationPolicy } from '../organisation/organisation-policy.js';
import { createMissionWithAdministrator } from './create-mission-with-administrator.js';
import { listMissions } from './list-missions.js';
import { ZCreatedMission, ZCreateMission, ZMissionSummary } from './mission-schemas.js';

/** The installation's missions, listed and made by a platform administrator. */
export const missionCreationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/missions',
    {
      config: { access: 'user', policy: 'organisation.listMissions' },
      schema: {
        tags: ['organisation'],
        summary: 'Every mission of the installation (platform administrators)',
        description:
          'Each mission’s settings with its open offices and active users; no case data. Only a platform administrator.',
        response: { 200: z.object({ items: z.array(ZMissionSummary) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(
        request,
        organisationPolicy.listMissions(actor),
        'Only platform administrators list the missions.',
      );
      return { items: await listMissions(request.server.database.db) };
    },
  );

  app.post(
    '/missions',
    {
      config: { access: 'user', policy: 'organisation.createMission' },
      schema: {
        tags: ['organisation'],
        summary: 'Create a mission with its offices and first administrator (platform administrators)',
        description:
          'Only a platform administrator (a flag on the user, not a role of a mission); a mission’s administrators cannot. The first administrator gets a one-time set-password link, e-mailed and returned here once. `npm run create-mission` does the same from the command line.',
        body: ZCreateMission,
        response: { 201: ZCreatedMission },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(
        request,
        organisationPolicy.createMission(actor),
        'Only platform administrators create missions.',
      );
      const created = await withTransaction(request, (ctx) =>
        createMissionWithAdministrator(ctx, request.body, { publicUrl: request.server.config.publicUrl }),
      );
      return reply.status(201).send(created);
    },
  );
};
