import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit/audit-chain.js';
import { hasRole } from '../../platform/auth/actor.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';

const ZChainVerification = z.object({
  missionId: z.uuid(),
  checked: z.number().int().describe('how many entries of the chain were checked and hold'),
  intact: z.boolean(),
  firstBroken: z
    .object({
      id: z.uuid().nullable().describe('the entry, when it is there; null when entries are missing'),
      chainSeq: z.number().int(),
      reason: z.string(),
    })
    .nullable(),
});

/** The audit trail's own checks, for administrators. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/verify',
    {
      config: { access: 'user', policy: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary:
          "Checks the mission's audit hash chain from its first entry and names the first entry that was changed, removed or added",
        response: { 200: ZChainVerification },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, hasRole(actor, 'admin'));
      const result = await verifyAuditChain(request.server.database.db, actor.missionId);
      return { ...result, intact: result.firstBroken === null };
    },
  );
};
