import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { getMissionSettings, updateMissionSettings } from './mission-settings.js';
import { organisationPolicy } from './organisation-policy.js';
import { ZMissionSettings, ZUpdateMissionSettings } from './organisation-schemas.js';

const tags = ['organisation'];

/** The signed-in user's mission and its settings. */
export const missionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mission',
    {
      config: { access: 'user', policy: 'organisation.read' },
      schema: {
        tags,
        summary: 'The mission and its settings (time zone, currency, languages)',
        description:
          'Any signed-in user of the mission. "Today" and the days figures count by are the time zone’s.',
        response: { 200: ZMissionSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.read(actor));
      return getMissionSettings(request.server.database.db, actor.missionId);
    },
  );

  app.patch(
    '/mission',
    {
      config: { access: 'user', policy: 'organisation.editSettings' },
      schema: {
        tags,
        summary: 'Change the mission’s settings',
        description: 'Administrators only; audited.',
        body: ZUpdateMissionSettings,
        response: { 200: ZMissionSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, organisationPolicy.editSettings(actor));
      return withTransaction(request, (ctx) => updateMissionSettings(ctx, request.body));
    },
  );
};
