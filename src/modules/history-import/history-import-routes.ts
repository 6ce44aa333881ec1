import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest, HttpProblem, notFound } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { canRecordHistory } from '../../platform/time/fact-date.js';
import { historyColumns } from './history-file.js';
import { checkHistoryFile, createHistoryImport, runHistoryImport } from './run-history-import.js';
import { type HistoryImportRow, historyImportStatuses, historyImports } from './schema.js';

const tags = ['imports'];
/** The largest history file accepted: 10,000 cases in CSV take about 2 MiB. */
const MAX_HISTORY_BYTES = 20 * 1024 * 1024;

/** Importing history is the "record history" permission's: administrators and managers, never a partner. */
const mayImport = (actor: Actor) => !actor.partner && canRecordHistory(actor);

export const ZHistoryImport = z.object({
  id: z.uuid(),
  filename: z.string(),
  dryRun: z.boolean(),
  status: z.enum(historyImportStatuses),
  total: z.number().int().describe('Cases in the file (rows sharing case_id are one case)'),
  processed: z.number().int().describe('Cases done so far: progress is processed of total'),
  created: z.number().int().describe('Cases created (for a dry run: that would be created)'),
  existing: z.number().int().describe('Cases an earlier import already brought in, left as they are'),
  rejected: z.number().int().describe('Cases left out for the problems in the report'),
  report: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

function present(row: HistoryImportRow): z.infer<typeof ZHistoryImport> {
  return {
    id: row.id,
    filename: row.filename,
    dryRun: row.dryRun,
    status: row.status,
    total: row.total,
    processed: row.processed,
    created: row.created,
    existing: row.existing,
    rejected: row.rejected,
    report: row.report,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Imports of past years from another system: upload, dry run, progress. */
export const historyImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/imports',
    {
      config: { access: 'user', policy: 'imports.create' },
      schema: {
        tags,
        summary: `Import persons and cases with dated milestones from another system (multipart/form-data: file, a .csv or .xlsx, and dryRun "true" to validate only). One row per person; rows sharing case_id are one case, the first row its principal applicant carrying the milestones. Columns: ${Object.entries(
          historyColumns,
        )
          .map(([column, what]) => `${column} (${what})`)
          .join(
            '; ',
          )}. Idempotent on case_id. A dry run answers 200 with the counts and every problem; an import answers 202 with a job to poll`,
        consumes: ['multipart/form-data'],
        response: { 200: ZHistoryImport, 202: ZHistoryImport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, mayImport(actor), 'Importing history needs the "record history" permission.');
      const form = await readImportForm(request);
      const db = request.server.database.db;
      const checked = await checkHistoryFile(db, actor, form, new Date());
      const job = await withTransaction(request, (ctx) =>
        createHistoryImport(ctx, { filename: form.filename, dryRun: form.dryRun, checked }),
      );
      if (job.status === 'running') {
        void runHistoryImport(request.server.database, actor, job.id, checked.prepared, {
          batchSize: request.server.config.historyBatchSize,
        });
      }
      return reply.status(form.dryRun || job.status !== 'running' ? 200 : 202).send(present(job));
    },
  );

  app.get(
    '/imports',
    {
      config: { access: 'user', policy: 'imports.read' },
      schema: {
        tags,
        summary: 'The latest history imports and dry runs',
        response: { 200: z.object({ items: z.array(ZHistoryImport) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, mayImport(actor));
      const rows = await request.server.database.db
        .select()
        .from(historyImports)
        .where(eq(historyImports.missionId, actor.missionId))
        .orderBy(desc(historyImports.createdAt))
        .limit(20);
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/imports/:id',
    {
      config: { access: 'user', policy: 'imports.read' },
      schema: {
        tags,
        summary: 'A history import’s progress (processed of total), its counts and its per-row report',
        params: z.object({ id: z.uuid() }),
        response: { 200: ZHistoryImport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, mayImport(actor));
      const [row] = await request.server.database.db
        .select()
        .from(historyImports)
        .where(and(eq(historyImports.missionId, actor.missionId), eq(historyImports.id, request.params.id)));
      if (!row) throw notFound('Import');
      return present(row);
    },
  );
};

async function readImportForm(
  request: FastifyRequest,
): Promise<{ filename: string; data: Buffer; dryRun: boolean }> {
  if (!request.isMultipart())
    throw new HttpProblem({
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Send the file as multipart/form-data with the fields file and dryRun.',
    });
  let dryRun: string | undefined;
  let file: { filename: string; data: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_HISTORY_BYTES } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') file = { filename: part.filename, data };
      } else if (part.fieldname === 'dryRun') dryRun = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new HttpProblem({
        status: 413,
        title: 'Content Too Large',
        detail: 'The file is larger than 20 MiB.',
      });
    throw error;
  }
  const errors = [];
  if (!file) errors.push({ path: 'body.file', message: 'is required' });
  else if (!/\.(csv|xlsx)$/i.test(file.filename))
    errors.push({ path: 'body.file', message: 'must be a .csv or .xlsx file' });
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
    errors.push({ path: 'body.dryRun', message: 'must be true or false' });
  if (errors.length > 0 || !file) throw badRequest('The import form is incomplete.', errors);
  return { ...file, dryRun: dryRun === 'true' };
}
