import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest, HttpProblem } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { MAX_UPLOAD_BYTES } from '../../platform/storage/upload-limits.js';
import {
  CASE_DOCUMENT_KINDS,
  ZCaseDocument,
  ZCaseDocumentParams,
  ZCaseParams,
  ZCreateNote,
  ZCreateTask,
  ZDocumentParams,
  ZNote,
  ZTask,
  ZTaskParams,
  ZTaskQuery,
  ZUpdateTask,
} from './activity-schemas.js';
import { addNote } from './add-note.js';
import { addTask } from './add-task.js';
import { casePolicy } from './case-policy.js';
import { listDocuments } from './list-documents.js';
import { listNotes } from './list-notes.js';
import { listCaseTasks, listTasks } from './list-tasks.js';
import { loadCase } from './load-case.js';
import {
  attachmentDisposition,
  type DocumentRow,
  findDocument,
  mayOpenDocument,
  readDocument,
} from './read-document.js';
import { withBreakGlass } from './restricted-data.js';
import { loadTaskForUpdate, updateTask } from './update-task.js';
import { checkUpload, type IncomingUpload, uploadDocument } from './upload-document.js';

const tags = ['cases'];
const read = { access: 'user', policy: 'cases.read' } as const;
const RESTRICTED = 'This document is restricted to those who need to know it.';

/** Notes, tasks and documents of a case, and the tasks across cases ("my tasks"). */
export const caseActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/notes',
    {
      config: { ...read, accessLog: 'self' },
      schema: {
        tags,
        summary: "A case's notes, newest first",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZNote) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await withTransaction(request, async (ctx) => {
        const kase = await withBreakGlass(ctx.tx, actor, await loadCase(ctx.tx, actor, request.params.id));
        authorize(request, casePolicy.read(actor, kase));
        return listNotes(ctx, kase);
      });
      return { items };
    },
  );

  app.post(
    '/cases/:id/notes',
    {
      config: { access: 'user', policy: 'cases.addNote' },
      schema: {
        tags,
        summary: 'Add a note to a case',
        params: ZCaseParams,
        body: ZCreateNote,
        response: { 201: z.object({ note: ZNote }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const note = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, casePolicy.addNote(actor, kase));
        return addNote(ctx, kase, request.body);
      });
      return reply.status(201).send({ note });
    },
  );

  app.get(
    '/cases/:id/tasks',
    {
      config: read,
      schema: {
        tags,
        summary: "A case's tasks: open first, then by due date",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZTask) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, casePolicy.read(actor, kase));
        return listCaseTasks(ctx.tx, kase);
      });
      return { items };
    },
  );

  app.post(
    '/cases/:id/tasks',
    {
      config: { access: 'user', policy: 'cases.addTask' },
      schema: {
        tags,
        summary: 'Add a task to a case (blocksTravel: it must be done before travel is booked)',
        params: ZCaseParams,
        body: ZCreateTask,
        response: { 201: z.object({ task: ZTask }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const task = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, casePolicy.addTask(actor, kase));
        return addTask(ctx, kase, request.body);
      });
      return reply.status(201).send({ task });
    },
  );

  app.get(
    '/tasks',
    {
      config: { access: 'user', policy: 'cases.list' },
      schema: {
        tags,
        summary: 'Tasks across the cases you may see, by due date (assigneeId=me&open=true: my open tasks)',
        querystring: ZTaskQuery,
        response: { 200: z.object({ items: z.array(ZTask) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, casePolicy.list(actor));
      const items = await listTasks(request.server.database.db, actor, request.query);
      return { items };
    },
  );

  app.patch(
    '/tasks/:id',
    {
      config: { access: 'user', policy: 'cases.addTask' },
      schema: {
        tags,
        summary: 'Tick a task done or open again, or change its title, due date or assignee',
        params: ZTaskParams,
        body: ZUpdateTask,
        response: { 200: z.object({ task: ZTask }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const task = await withTransaction(request, async (ctx) => {
        const row = await loadTaskForUpdate(ctx.tx, actor, request.params.id);
        const kase = await loadCase(ctx.tx, actor, row.caseId);
        authorize(request, casePolicy.addTask(actor, kase));
        return updateTask(ctx, kase, row, request.body);
      });
      return { task };
    },
  );

  app.get(
    '/cases/:id/documents',
    {
      config: read,
      schema: {
        tags,
        summary: "A case's documents, newest first, with their SHA-256 fingerprints",
        params: ZCaseParams,
        response: { 200: z.object({ items: z.array(ZCaseDocument) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await withTransaction(request, async (ctx) => {
        const kase = await withBreakGlass(ctx.tx, actor, await loadCase(ctx.tx, actor, request.params.id));
        authorize(request, casePolicy.read(actor, kase));
        return listDocuments(ctx.tx, kase, actor);
      });
      return { items };
    },
  );

  app.post(
    '/cases/:id/documents',
    {
      config: { access: 'user', policy: 'cases.uploadDocument' },
      schema: {
        tags,
        summary: `Upload a document: multipart/form-data with fields kind (${CASE_DOCUMENT_KINDS.join(', ')}) and file (PDF, JPEG, PNG or plain text, at most 10 MiB)`,
        consumes: ['multipart/form-data'],
        params: ZCaseParams,
        response: { 201: z.object({ document: ZCaseDocument }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Check the case and the right to upload before reading up to 10 MiB from the client.
      const visible = await loadCase(request.server.database.db, actor, request.params.id);
      authorize(request, casePolicy.uploadDocument(actor, visible));
      // Read and check the file outside the transaction, so no transaction waits on the network.
      const upload = checkUpload(await readUploadForm(request));
      const document = await withTransaction(request, async (ctx) => {
        const kase = await loadCase(ctx.tx, actor, request.params.id);
        authorize(request, casePolicy.uploadDocument(actor, kase));
        return uploadDocument(ctx, { kase, upload, storage: request.server.storage });
      });
      return reply.status(201).send({ document });
    },
  );

  app.get(
    '/cases/:id/documents/:documentId/content',
    {
      config: { ...read, accessLog: 'self' },
      schema: {
        tags,
        summary: "Download a document's file (as an attachment; the download is audited)",
        params: ZCaseDocumentParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { document, data } = await withTransaction(request, async (ctx) => {
        const kase = await withBreakGlass(ctx.tx, actor, await loadCase(ctx.tx, actor, request.params.id));
        const document = await findDocument(ctx.tx, actor, request.params.documentId, kase.id);
        authorize(request, mayOpenDocument(actor, kase, document), RESTRICTED);
        return {
          document,
          data: await readDocument(ctx, { document, kase, storage: request.server.storage }),
        };
      });
      return sendDocument(reply, document, data);
    },
  );

  app.get(
    '/documents/:id/content',
    {
      config: read,
      schema: {
        tags,
        summary: "Download a document's file by its id alone (as an attachment; the download is audited)",
        params: ZDocumentParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { document, data } = await withTransaction(request, async (ctx) => {
        const document = await findDocument(ctx.tx, actor, request.params.id);
        const kase = await withBreakGlass(ctx.tx, actor, await loadCase(ctx.tx, actor, document.caseId));
        authorize(request, mayOpenDocument(actor, kase, document), RESTRICTED);
        return {
          document,
          data: await readDocument(ctx, { document, kase, storage: request.server.storage }),
        };
      });
      return sendDocument(reply, document, data);
    },
  );
};

function sendDocument(reply: FastifyReply, document: DocumentRow, data: Buffer) {
  return reply
    .header('content-type', document.contentType)
    .header('content-disposition', attachmentDisposition(document.filename))
    .header('cache-control', 'private, no-store')
    .send(data);
}

/** Reads the `kind` field and the one `file` part of a multipart upload into memory (at most 10 MiB). */
async function readUploadForm(request: FastifyRequest): Promise<IncomingUpload> {
  if (!request.isMultipart()) {
    throw new HttpProblem({
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Send the document as multipart/form-data with the fields kind and file.',
    });
  }
  let kind: string | undefined;
  let file: Omit<IncomingUpload, 'kind'> | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') file = { filename: part.filename, declaredType: part.mimetype, data };
      } else if (part.fieldname === 'kind') {
        kind = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpProblem({
        status: 413,
        title: 'Content Too Large',
        detail: `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MiB.`,
      });
    }
    throw error;
  }
  if (!file) throw badRequest('The file is missing.', [{ path: 'body.file', message: 'is required' }]);
  return { kind, ...file };
}
