import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { periodCap, ZIsoMonth } from '../../platform/http/field-schemas.js';
import { badRequest } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { emissionsPolicy } from './emissions-policy.js';
import { createFactorSet, listFactorSets, retireFactorSet } from './factor-sets.js';
import { offsettingCsv, selectOffsettingReport } from './offsetting-report.js';

const tags = ['emissions'];
const ZFactor = z.string().regex(/^\d{1,2}\.\d{1,5}$/, 'must be a decimal such as 0.10916');
const ZFactors = z.object({
  domestic: ZFactor,
  short_haul: ZFactor,
  long_haul: ZFactor,
  international_non_uk: ZFactor,
  longHaulFromKm: z.number().int().positive().default(3700),
});
const ZFactorSet = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int().nullable(),
  version: z.number().int(),
  method: z.string(),
  factors: ZFactors,
  source: z.string().nullable(),
  createdAt: z.date(),
  retiredAt: z.date().nullable().describe('when retired: new bookings no longer use it'),
});
const ZMonth = ZIsoMonth;
const ZReportQuery = z
  .object({ from: ZMonth, to: ZMonth, format: z.enum(['json', 'csv']).default('json') })
  .refine(periodCap.check, periodCap.message);

/** Emission factor sets and the CO2 offsetting report. */
export const emissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/emission-factor-sets',
    {
      config: { access: 'user', policy: 'emissions.read' },
      schema: {
        tags,
        summary: 'The factor sets of the mission, newest (current) first',
        response: { 200: z.object({ items: z.array(ZFactorSet) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, emissionsPolicy.readFactorSets(actor));
      return { items: await listFactorSets(request.server.database.db, actor.missionId) };
    },
  );

  app.post(
    '/emission-factor-sets',
    {
      config: { access: 'user', policy: 'emissions.createFactorSet' },
      schema: {
        tags,
        summary: 'Load a newer published factor set; new bookings use it, past ones keep theirs',
        body: z.object({
          name: z.string().trim().min(3).max(200),
          year: z.number().int().min(2000).max(2100),
          factors: ZFactors,
          source: z.string().trim().max(500).optional(),
        }),
        response: { 201: z.object({ factorSet: ZFactorSet }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, emissionsPolicy.createFactorSet(actor));
      const factorSet = await withTransaction(request, async (ctx) => {
        const created = await createFactorSet(ctx, request.body);
        await recordAudit(ctx, {
          action: 'emission_factor_set.create',
          recordType: 'emission_factor_set',
          recordId: created.id,
          after: {
            name: created.name,
            year: created.year,
            version: created.version,
            factors: created.factors,
          },
        });
        return created;
      });
      return reply.status(201).send({ factorSet });
    },
  );

  app.post(
    '/emission-factor-sets/:id/retire',
    {
      config: { access: 'user', policy: 'emissions.createFactorSet' },
      schema: {
        tags,
        summary: 'Retire a factor set: new bookings use the newest set still in use (administrators)',
        description: 'The last set in use cannot be retired (409).',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ factorSet: ZFactorSet }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, emissionsPolicy.createFactorSet(actor), 'Only administrators retire factor sets.');
      const factorSet = await withTransaction(request, (ctx) => retireFactorSet(ctx, request.params.id));
      return { factorSet };
    },
  );

  app.get(
    '/reports/offsetting',
    {
      config: { access: 'user', policy: 'emissions.report' },
      schema: {
        tags,
        summary: 'kg CO2e of confirmed flights by month and programme (format=csv for the export)',
        querystring: ZReportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, emissionsPolicy.readReport(actor));
      const { from, to, format } = request.query;
      if (from > to)
        throw badRequest('The period is reversed.', [
          { path: 'querystring.to', message: 'must not be before from' },
        ]);
      const rows = await selectOffsettingReport(request.server.database.db, {
        missionId: actor.missionId,
        from,
        to,
      });
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('content-disposition', `attachment; filename="co2-offsetting-${from}-${to}.csv"`)
          .send(offsettingCsv(rows));
      }
      return { from, to, rows };
    },
  );
};
