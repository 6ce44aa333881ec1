import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { readReports } from '../../platform/http/read-reports.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { missionToday } from '../../platform/time/mission-calendar.js';
import { exportAnnualReport } from './annual-report-export.js';
import { annualReportPolicy } from './annual-report-policy.js';
import { ZAnnualReport, ZAnnualReportExportQuery, ZAnnualReportQuery } from './annual-report-schemas.js';
import { getAnnualReport } from './get-annual-report.js';

const tags = ['reports'];

// Without a year the report is the last full calendar year's.
function yearOf(query: { year?: number }, actor: Actor, now: Date): number {
  return query.year ?? Number(missionToday(actor, now).slice(0, 4)) - 1;
}

/** The annual report of the user's mission, as JSON and as a CSV or XLSX file. */
export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/annual-report',
    {
      config: { access: 'user', policy: 'annualReport.read' },
      schema: {
        tags,
        summary:
          'The annual report computed from the case data, in the structure of the published report, with the figures not producible yet and why',
        querystring: ZAnnualReportQuery,
        response: { 200: ZAnnualReport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, annualReportPolicy.read(actor));
      const now = new Date();
      reply.header('cache-control', 'no-store');
      return getAnnualReport(
        await readReports(request, reply),
        actor,
        yearOf(request.query, actor, now),
        now,
      );
    },
  );

  app.get(
    '/annual-report/export',
    {
      config: { access: 'user', policy: 'annualReport.export' },
      schema: {
        tags,
        summary:
          'The annual report as a CSV or XLSX file: one row per figure, then the figures not producible',
        querystring: ZAnnualReportExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, annualReportPolicy.export(actor));
      const now = new Date();
      const report = await getAnnualReport(
        await readReports(request, reply),
        actor,
        yearOf(request.query, actor, now),
        now,
      );
      const language = request.query.language ?? (actor.locale === 'nl' ? 'nl' : 'en');
      const file = await exportAnnualReport(report, request.query.format, language);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
