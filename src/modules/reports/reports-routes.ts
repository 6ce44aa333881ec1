import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { readReports } from '../../platform/http/read-reports.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { getDashboard } from './get-dashboard.js';
import { findReport, reportCatalogue, reportParameters } from './report-catalogue.js';
import {
  createReportExport,
  loadReportExport,
  presentReportExport,
  readReportExportFile,
  runReportExport,
} from './report-exports.js';
import type { ReportDefinition } from './report-types.js';
import { reportsPolicy } from './reports-policy.js';
import {
  ZCreateExport,
  ZDashboard,
  ZExportIdParams,
  ZReportExport,
  ZReportLanguageQuery,
  ZReportNameParams,
  ZReportQuery,
  ZReportResult,
  ZReportSummary,
} from './reports-schemas.js';
import { reportParams, runReport } from './run-report.js';
import { exportFormats } from './schema.js';

const tags = ['reports'];

function summarise(report: ReportDefinition) {
  return {
    name: report.name,
    title: report.title,
    description: report.description,
    aggregate: report.aggregate,
    parameters: reportParameters.map((parameter) => ({ ...parameter })),
    columns: report.columns,
    formats: exportFormats.filter((format) => format !== 'hxl' || report.aggregate),
  };
}

function reportNamed(name: string): ReportDefinition {
  const report = findReport(name);
  if (!report) throw notFound(`Report ${name}`);
  return report;
}

/** The managers' dashboard, the report catalogue, and report exports run as jobs. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    {
      config: { access: 'user', policy: 'reports.dashboard' },
      schema: {
        tags,
        summary:
          'Live caseload, overdue tasks, departures, destinations, vulnerabilities, grants and travel documents',
        querystring: ZReportQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, reportsPolicy.dashboard(actor));
      reply.header('cache-control', 'no-store');
      return getDashboard(await readReports(request, reply), actor, request.query, new Date());
    },
  );

  app.get(
    '/reports',
    {
      config: { access: 'user', policy: 'reports.list' },
      schema: {
        tags,
        summary: 'The report catalogue: each report with its parameters, typed columns and export formats',
        response: { 200: z.object({ items: z.array(ZReportSummary) }) },
      },
    },
    async (request) => {
      authorize(request, reportsPolicy.list(actorOf(request)));
      return { items: reportCatalogue.map(summarise) };
    },
  );

  app.get(
    '/reports/:name',
    {
      config: { access: 'user', policy: 'reports.run' },
      schema: {
        tags,
        summary: 'Run a report for a period, office and programme (rows as JSON)',
        params: ZReportNameParams,
        querystring: z.intersection(ZReportQuery, ZReportLanguageQuery),
        response: { 200: ZReportResult },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, reportsPolicy.run(actor));
      const report = reportNamed(request.params.name);
      const params = reportParams(request.query, actor, new Date());
      const language = request.query.language ?? (actor.locale === 'nl' ? 'nl' : 'en');
      const rows = await runReport(await readReports(request, reply), actor, report, params, language);
      reply.header('cache-control', 'no-store');
      return {
        report: summarise(report),
        parameters: {
          from: params.from,
          to: params.to,
          officeId: params.officeId ?? null,
          programme: params.programme ?? null,
        },
        rows,
      };
    },
  );

  app.post(
    '/reports/:name/exports',
    {
      config: { access: 'user', policy: 'reports.export' },
      schema: {
        tags,
        summary:
          'Start an export of a report (CSV, HXL-tagged CSV, XLSX or PDF); poll the export for progress',
        params: ZReportNameParams,
        body: ZCreateExport,
        response: { 202: z.object({ export: ZReportExport }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, reportsPolicy.export(actor));
      const report = reportNamed(request.params.name);
      const { format, language, ...query } = request.body;
      if (format === 'hxl' && !report.aggregate)
        throw badRequest('Only aggregate reports can be exported as HXL.', [
          { path: 'body.format', message: 'is not available for this report' },
        ]);
      const row = await withTransaction(request, (ctx) =>
        createReportExport(ctx, {
          report,
          format,
          language: language ?? (actor.locale === 'nl' ? 'nl' : 'en'),
          params: reportParams(query, ctx.actor, ctx.now),
        }),
      );
      const db = request.server.database.db;
      const source = await readReports(request, reply);
      // The job runs after the row is committed; its progress and its file live on that row.
      setImmediate(() => {
        runReportExport(db, actor, row.id, source).catch((error: unknown) =>
          request.log.error({ error }, 'export failed'),
        );
      });
      return reply.status(202).send({ export: presentReportExport(row, new Date()) });
    },
  );

  app.get(
    '/reports/exports/:id',
    {
      config: { access: 'user', policy: 'reports.readExport' },
      schema: {
        tags,
        summary: 'An export job: its status and progress, and where to download the file once done',
        params: ZExportIdParams,
        response: { 200: z.object({ export: ZReportExport }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await loadReportExport(request.server.database.db, actor, request.params.id);
      if (!row) throw notFound('Export');
      authorize(request, reportsPolicy.readExport(actor, row));
      reply.header('cache-control', 'no-store');
      return { export: presentReportExport(row, new Date()) };
    },
  );

  app.get(
    '/reports/exports/:id/file',
    {
      config: { access: 'user', policy: 'reports.readExport' },
      schema: { tags, summary: 'Download the file of a finished export', params: ZExportIdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const row = await loadReportExport(db, actor, request.params.id);
      if (!row) throw notFound('Export');
      authorize(request, reportsPolicy.readExport(actor, row));
      const content = row.status === 'done' ? await readReportExportFile(db, actor, row.id) : null;
      if (!content) throw notFound('Export file');
      return reply
        .header('content-type', row.contentType ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${row.filename ?? 'export'}"`)
        .header('cache-control', 'no-store')
        .send(content);
    },
  );
};
