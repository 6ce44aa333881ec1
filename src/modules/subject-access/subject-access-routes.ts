import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { collectPersonRecord } from './collect-person-record.js';
import { personRecordPdf } from './render-person-pdf.js';
import { subjectAccessPolicy } from './subject-access-policy.js';
import { ZPersonIdParams, ZSubjectAccessExport, ZSubjectAccessQuery } from './subject-access-schemas.js';

const tags = ['subject-access'];

/** A person's request for their own data: everything held about them, and who accessed it. */
export const subjectAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/subject-access-export',
    {
      config: { access: 'user', policy: 'subjectAccess.export' },
      schema: {
        tags,
        summary: 'Everything held about a person, with the log of who accessed it (JSON, or a PDF summary)',
        description:
          'Administrators, vulnerable-cases officers and managers who may read every case of the person (restricted cases included); audited. `format=pdf` answers application/pdf.',
        params: ZPersonIdParams,
        querystring: ZSubjectAccessQuery,
        response: { 200: ZSubjectAccessExport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format } = request.query;
      const exported = await withTransaction(request, async (ctx) => {
        const record = await collectPersonRecord(ctx.tx, actor.missionId, request.params.id);
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
          recordId: request.params.id,
          after: { format, cases: record.cases.length, accessLogEntries: record.accessLog.length },
        });
        return {
          exportedAt: ctx.now,
          exportedBy: { id: actor.id, displayName: actor.displayName },
          ...record,
        };
      });
      reply.header('cache-control', 'private, no-store');
      if (format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="subject-access-${request.params.id}.pdf"`)
          .send(
            await personRecordPdf(exported, {
              exportedAt: exported.exportedAt,
              exportedBy: actor.displayName,
            }),
          );
      }
      return exported;
    },
  );
};
