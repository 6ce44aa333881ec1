import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest, HttpProblem, notFound } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { casePolicy } from '../cases/case-policy.js';
import { loadCase } from '../cases/load-case.js';
import { createReferral, findReferral, resolveReferralTarget } from './create-referral.js';
import { createReferralImport, runReferralImport } from './import-referrals.js';
import { loadPartner } from './load-partner.js';
import { partnerPolicy } from './partner-policy.js';
import { partnerRoutes } from './partner-routes.js';
import {
  ZCreateReferral,
  ZIdParams,
  ZReferral,
  ZReferralImport,
  ZReferralParams,
  ZReferralQuery,
} from './partner-schemas.js';
import { answerReferralPersons, type ReferralAnswerPerson } from './referral-answer.js';
import { parseReferralCsv, referralCsvColumns } from './referral-csv.js';
import { type ReferralImportRow, referralImports } from './schema.js';

const tags = ['referrals'];
// The most a referral CSV may weigh: 5,000 rows fit well within it.
const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Referrals from partners (API key or staff), and bulk CSV imports of them. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/referrals',
    {
      config: { access: 'user', policy: 'referrals.create', scopes: ['referrals:write'] },
      schema: {
        tags,
        summary:
          'Refer people for assisted voluntary return: matches or registers them and opens an AVRR case. Idempotent on partnerReference: 201 the first time, 200 with the same case after',
        body: ZCreateReferral,
        response: { 200: ZReferral, 201: ZReferral },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await withTransaction(request, async (ctx) => {
        const target = await resolveReferralTarget(ctx, request.body);
        authorize(
          request,
          partnerPolicy.createReferral(actor, target),
          'You may not refer for this partner or office.',
        );
        const created = await createReferral(ctx, target, request.body);
        const persons = await answerReferralPersons(ctx, created.referral.case.id, created.persons);
        return { ...created, persons };
      });
      return reply.status(result.created ? 201 : 200).send(presentReferral(result.referral, result.persons));
    },
  );

  app.get(
    '/referrals/:partnerReference',
    {
      config: { access: 'user', policy: 'referrals.read', scopes: ['cases:read-own'] },
      schema: {
        tags,
        summary:
          'A referral by the partner’s own reference and the current status of its case (a partner sees only its own)',
        params: ZReferralParams,
        querystring: ZReferralQuery,
        response: { 200: ZReferral },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const partnerId = actor.partner?.partnerId ?? request.query.partnerId;
      if (!partnerId)
        throw badRequest('Name the partner.', [{ path: 'querystring.partnerId', message: 'is required' }]);
      const referral = await findReferral(db, actor.missionId, partnerId, request.params.partnerReference);
      if (!referral) throw notFound('Referral');
      const staffMayRead = actor.partner
        ? false
        : casePolicy.read(actor, await loadCase(db, actor, referral.caseId));
      authorize(request, partnerPolicy.readReferral(actor, referral, staffMayRead));
      return presentReferral(referral);
    },
  );

  app.post(
    '/referral-imports',
    {
      config: { access: 'user', policy: 'referrals.import' },
      schema: {
        tags,
        summary: `Import referrals from a CSV (multipart/form-data: partnerId and file). Columns: ${Object.keys(referralCsvColumns).join(', ')}; rows sharing partner_reference are one family. Answers 202 with a job to poll`,
        consumes: ['multipart/form-data'],
        response: { 202: ZReferralImport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = await readCsvForm(request);
      const partner = await loadPartner(request.server.database.db, actor.missionId, form.partnerId);
      authorize(request, partnerPolicy.importReferrals(actor, partner.defaultOfficeId));
      const parsed = parseReferralCsv(form.text, partner.id);
      const job = await withTransaction(request, (ctx) =>
        createReferralImport(ctx, { partner, filename: form.filename, parsed }),
      );
      if (job.status === 'running')
        void runReferralImport(request.server.database.db, actor, job.id, parsed.referrals);
      return reply.status(202).send(presentImport(job));
    },
  );

  app.get(
    '/referral-imports',
    {
      config: { access: 'user', policy: 'referrals.import' },
      schema: {
        tags,
        summary: 'The latest referral imports',
        response: { 200: z.object({ items: z.array(ZReferralImport) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, !actor.partner && partnerPolicy.list(actor));
      const rows = await request.server.database.db
        .select()
        .from(referralImports)
        .where(eq(referralImports.missionId, actor.missionId))
        .orderBy(desc(referralImports.createdAt))
        .limit(20);
      return { items: rows.map(presentImport) };
    },
  );

  app.get(
    '/referral-imports/:id',
    {
      config: { access: 'user', policy: 'referrals.import' },
      schema: {
        tags,
        summary: 'An import’s progress (processed of total) and its validation report (row, field, message)',
        params: ZIdParams,
        response: { 200: ZReferralImport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const [row] = await db
        .select()
        .from(referralImports)
        .where(
          and(eq(referralImports.missionId, actor.missionId), eq(referralImports.id, request.params.id)),
        );
      if (!row) throw notFound('Import');
      const partner = await loadPartner(db, actor.missionId, row.partnerId);
      authorize(request, partnerPolicy.importReferrals(actor, partner.defaultOfficeId));
      return presentImport(row);
    },
  );
};

type FoundReferral = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

function presentReferral(referral: FoundReferral, persons?: ReferralAnswerPerson[]) {
  return {
    id: referral.id,
    partnerId: referral.partnerId,
    partnerReference: referral.partnerReference,
    createdAt: referral.createdAt.toISOString(),
    case: referral.case,
    ...(persons && persons.length > 0 ? { persons } : {}),
  };
}

function presentImport(row: ReferralImportRow) {
  return {
    id: row.id,
    partnerId: row.partnerId,
    filename: row.filename,
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

async function readCsvForm(
  request: FastifyRequest,
): Promise<{ partnerId: string; filename: string; text: string }> {
  if (!request.isMultipart())
    throw new HttpProblem({
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Send the CSV as multipart/form-data with the fields partnerId and file.',
    });
  let partnerId: string | undefined;
  let file: { filename: string; data: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_CSV_BYTES } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') file = { filename: part.filename, data };
      } else if (part.fieldname === 'partnerId') partnerId = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new HttpProblem({
        status: 413,
        title: 'Content Too Large',
        detail: 'The CSV is larger than 5 MiB.',
      });
    throw error;
  }
  const errors = [];
  if (!partnerId || !z.uuid().safeParse(partnerId).success)
    errors.push({ path: 'body.partnerId', message: 'must be a partner id' });
  if (!file) errors.push({ path: 'body.file', message: 'is required' });
  if (errors.length > 0 || !partnerId || !file) throw badRequest('The import form is incomplete.', errors);
  return { partnerId, filename: file.filename, text: file.data.toString('utf8') };
}

/** The partners module's routes: partners, keys and webhooks, and referrals. */
export const partnersModuleRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(partnerRoutes);
  await app.register(referralRoutes);
};
