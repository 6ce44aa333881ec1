import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { retentionPolicy } from './retention-policy.js';
import { listRetentionRules, setRetentionRule } from './retention-rules.js';
import {
  ZDryRunResult,
  ZProgrammeParams,
  ZRetentionRule,
  ZRetentionRun,
  ZRunIdParams,
  ZSetRetentionRule,
  ZStartRetentionRun,
} from './retention-schemas.js';
import { executeRetentionRun, presentRun, startRetentionRun } from './run-retention.js';
import { scheduleRetention } from './schedule-retention.js';
import { retentionRuns } from './schema.js';

const tags = ['retention'];

/** Retention rules per programme, and the runs that anonymise the people past them. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  scheduleRetention(app);

  app.get(
    '/retention/rules',
    {
      config: { access: 'user', policy: 'retention.read' },
      schema: {
        tags,
        summary: 'Retention rules per programme',
        description:
          'Administrators only. How many years after a person’s last case closed their record is anonymised; a programme without its own rule follows the default (7 years, anonymise).',
        response: { 200: z.object({ items: z.array(ZRetentionRule) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, retentionPolicy.read(actor));
      return { items: await listRetentionRules(request.server.database.db, actor.missionId) };
    },
  );

  app.put(
    '/retention/rules/:programme',
    {
      config: { access: 'user', policy: 'retention.edit' },
      schema: {
        tags,
        summary: 'Set the retention rule of a programme',
        description: 'Administrators only; audited.',
        params: ZProgrammeParams,
        body: ZSetRetentionRule,
        response: { 200: ZRetentionRule },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, retentionPolicy.edit(actor));
      return withTransaction(request, (ctx) => setRetentionRule(ctx, request.params.programme, request.body));
    },
  );

  app.post(
    '/retention/runs',
    {
      config: { access: 'user', policy: 'retention.run' },
      schema: {
        tags,
        summary: 'Run retention now, or list who it would anonymise (dry run)',
        description:
          'Administrators only; audited. A dry run answers 200 with the persons past retention and their cases, changing nothing. A real run answers 202 with the run, which anonymises one person at a time after the answer; `GET /retention/runs/{id}` shows its progress.',
        body: ZStartRetentionRun,
        response: { 200: ZDryRunResult, 202: z.object({ run: ZRetentionRun }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, retentionPolicy.run(actor));
      const db = request.server.database.db;
      const now = new Date();
      const { run, candidates } = await startRetentionRun(db, actor, {
        dryRun: request.body.dryRun,
        limit: request.body.limit,
        now,
        requestId: request.id,
        ip: request.ip ?? null,
      });
      if (run.dryRun) return reply.status(200).send({ run: presentRun(run), candidates });
      const storage = request.server.storage;
      // The work runs after the answer; its progress lives on the run's row.
      setImmediate(() => {
        executeRetentionRun(db, actor, { runId: run.id, now, storage }).catch((error: unknown) =>
          request.log.error({ err: error }, 'retention run failed'),
        );
      });
      return reply.status(202).send({ run: presentRun(run) });
    },
  );

  app.get(
    '/retention/runs/:id',
    {
      config: { access: 'user', policy: 'retention.read' },
      schema: {
        tags,
        summary: 'A retention run: its status and counts',
        params: ZRunIdParams,
        response: { 200: z.object({ run: ZRetentionRun }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, retentionPolicy.read(actor));
      const [row] = await request.server.database.db
        .select()
        .from(retentionRuns)
        .where(and(eq(retentionRuns.missionId, actor.missionId), eq(retentionRuns.id, request.params.id)));
      if (!row) throw notFound('Retention run');
      return { run: presentRun(row) };
    },
  );
};
