import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { collectPersonRecord } from './collect-person-record.js';
import { personRecordPdf } from './render-person-pdf.js';
import { subjectAccessPolicy } from './subject-access-policy.js';
import { ZPersonIdParams, ZSubjectAccessExport } from './subject-access-schemas.js';

const tags = ['subject-access'];
const description =
  'Administrators, vulnerable-cases officers and managers who may read every case of the person (restricted cases included); audited.';

/** Gathers the person's record for the caller, when the policy allows, and audits the export. */
async function exportPerson(request: FastifyRequest, personId: string, format: 'json' | 'pdf') {
  const actor = actorOf(request);
  return withTransaction(request, async (ctx) => {
    const record = await collectPersonRecord(ctx.tx, actor.missionId, personId);
    authorize(
      request,
      subjectAccessPolicy.export(
        actor,
        record.cases.map((kase) => ({
          missionId: actor.missionId,
          officeId: kase.officeId as string,
          returnOfficeId: kase.returnOfficeId as string | null,
          assigneeId: kase.assigneeId as string | null,
          vulnerabilities: kase.vulnerabilities as string[],
        })),
      ),
    );
    // Ids and counts only: the trail must not copy what it exported.
    await recordAudit(ctx, {
      action: 'person.subject_access_export',
      recordType: 'person',
      recordId: personId,
      after: { format, cases: record.cases.length, accessLogEntries: record.accessLog.length },
    });
    return { exportedAt: ctx.now, exportedBy: { id: actor.id, displayName: actor.displayName }, ...record };
  });
}

/** A person's request for their own data: everything held about them, and who accessed it. */
export const subjectAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/subject-access-export',
    {
      config: { access: 'user', policy: 'subjectAccess.export' },
      schema: {
        tags,
        summary: 'Everything held about a person, with the log of who accessed it',
        description,
        params: ZPersonIdParams,
        response: { 200: ZSubjectAccessExport },
      },
    },
    async (request, reply) => {
      const exported = await exportPerson(request, request.params.id, 'json');
      reply.header('cache-control', 'private, no-store');
      return exported;
    },
  );

  app.get(
    '/persons/:id/subject-access-export/pdf',
    {
      config: { access: 'user', policy: 'subjectAccess.export' },
      schema: {
        tags,
        summary: 'A printable summary (PDF) of what is held about a person, with the log of who accessed it',
        description,
        params: ZPersonIdParams,
      },
    },
    async (request, reply) => {
      const exported = await exportPerson(request, request.params.id, 'pdf');
      const pdf = await personRecordPdf(exported, {
        exportedAt: exported.exportedAt,
        exportedBy: exported.exportedBy.displayName,
      });
      return reply
        .header('cache-control', 'private, no-store')
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="subject-access-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
};
