import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { addIdentityDocument } from './add-identity-document.js';
import { createPerson } from './create-person.js';
import { findDuplicatePersons } from './find-duplicate-persons.js';
import { getPerson, listIdentityDocuments } from './get-person.js';
import { listPersons } from './list-persons.js';
import { personPolicies, personPolicy } from './person-policy.js';
import { noPersonRestriction, type PersonRestriction } from './person-restriction.js';
import {
  ZAddIdentityDocument,
  ZCreatePerson,
  ZDuplicateCandidate,
  ZIdentityDocument,
  ZListPersonsQuery,
  ZPerson,
  ZPersonId,
  ZPersonPolicies,
  ZPersonSearchHit,
  ZPersonSearchQuery,
  ZUpdatePerson,
} from './person-schemas.js';
import { presentIdentityDocument, presentPerson, presentRestrictedPerson } from './present-person.js';
import type { PersonRow } from './schema.js';
import { searchPersons } from './search-persons.js';
import { updatePerson } from './update-person.js';

const tags = ['persons'];
const ZPersonResponse = z.object({ person: ZPerson });

/**
 * Persons known to the mission: registration, fuzzy search, duplicate warning, identity documents.
 * A person on a case the caller may not read is shown only as a restricted record, and not edited.
 */
export const personRoutes: FastifyPluginAsyncZod<{ restriction?: PersonRestriction }> = async (
  app,
  options,
) => {
  const restriction = options.restriction ?? noPersonRestriction;
  /** Presents rows as the actor may see them: restricted records without their particulars. */
  const presenter = async (actor: Actor, rows: readonly PersonRow[]) => {
    const { hidden } = await restriction.classify(
      app.database.db,
      actor,
      rows.map((row) => row.id),
    );
    return (row: PersonRow) => (hidden.has(row.id) ? presentRestrictedPerson(row) : presentPerson(row));
  };
  const refuseRestricted = async (request: FastifyRequest, db: Executor, actor: Actor, row: PersonRow) => {
    const { hidden } = await restriction.classify(db, actor, [row.id]);
    authorize(request, !hidden.has(row.id), 'This person is on a restricted case you may not read.');
  };
  const access = (action: keyof typeof personPolicy) =>
    ({ access: 'user', policy: `persons.${action}` }) as const;

  app.get(
    '/persons',
    {
      config: access('list'),
      schema: {
        tags,
        summary: "The mission's persons, newest first, optionally filtered by a name",
        querystring: ZListPersonsQuery,
        response: {
          200: z.object({
            items: z.array(ZPerson),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, personPolicy.list(actor));
      const { rows, total } = await listPersons(request.server.database.db, actor.missionId, request.query);
      const { page, pageSize } = request.query;
      const present = await presenter(actor, rows);
      return { items: rows.map(present), total, page, pageSize };
    },
  );

  app.get(
    '/persons/search',
    {
      config: access('search'),
      schema: {
        tags,
        summary: 'Find persons by name, tolerant of accents and transliteration variants, best match first',
        querystring: ZPersonSearchQuery,
        response: { 200: z.object({ items: z.array(ZPersonSearchHit) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, personPolicy.search(actor));
      const hits = await searchPersons(request.server.database.db, actor.missionId, request.query.q);
      const present = await presenter(
        actor,
        hits.map((hit) => hit.person),
      );
      return { items: hits.map(({ person, score }) => ({ person: present(person), score })) };
    },
  );

  app.post(
    '/persons/duplicates',
    {
      config: access('search'),
      schema: {
        tags,
        summary:
          'Persons who may be the one about to be registered (similar name and date of birth or nationality)',
        body: ZCreatePerson,
        response: { 200: z.object({ candidates: z.array(ZDuplicateCandidate) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, personPolicy.search(actor));
      const candidates = await findDuplicatePersons(
        request.server.database.db,
        actor.missionId,
        request.body,
      );
      const present = await presenter(
        actor,
        candidates.map((candidate) => candidate.person),
      );
      return {
        candidates: candidates.map(({ person, score, reasons }) => ({
          person: present(person),
          score,
          reasons,
        })),
      };
    },
  );

  app.post(
    '/persons',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Register a person',
        body: ZCreatePerson,
        response: { 201: ZPersonResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, personPolicy.create(actor), 'Your role does not register persons.');
      const row = await withTransaction(request, (ctx) => createPerson(ctx, request.body));
      return reply.status(201).send({ person: presentPerson(row, []) });
    },
  );

  app.get(
    '/persons/:id',
    {
      config: access('read'),
      schema: {
        tags,
        summary: 'A person with their identity and travel documents',
        params: ZPersonId,
        response: { 200: z.object({ person: ZPerson, policies: ZPersonPolicies }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const row = await getPerson(ctx.tx, actor.missionId, request.params.id);
        authorize(request, personPolicy.read(actor, row));
        const { restricted, hidden } = await restriction.classify(ctx.tx, actor, [row.id]);
        if (hidden.has(row.id)) {
          return { person: presentRestrictedPerson(row), policies: { update: false, addDocument: false } };
        }
        if (restricted.has(row.id)) {
          // The particulars of a person on a trafficking case are restricted data: the read is logged.
          await recordAudit(ctx, {
            action: 'case.read_sensitive',
            recordType: 'person',
            recordId: row.id,
            after: { what: 'person', categories: ['trafficking'] },
          });
        }
        const documents = await listIdentityDocuments(ctx.tx, actor.missionId, row.id);
        return { person: presentPerson(row, documents), policies: personPolicies(actor, row) };
      });
    },
  );

  app.patch(
    '/persons/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: "Change a person's particulars (send the version you read; a stale one gets 409)",
        params: ZPersonId,
        body: ZUpdatePerson,
        response: { 200: ZPersonResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { row, documents } = await withTransaction(request, async (ctx) => {
        const current = await getPerson(ctx.tx, actor.missionId, request.params.id);
        authorize(request, personPolicy.update(actor, current), 'Your role does not edit persons.');
        await refuseRestricted(request, ctx.tx, actor, current);
        const updated = await updatePerson(ctx, current.id, request.body);
        return { row: updated, documents: await listIdentityDocuments(ctx.tx, actor.missionId, updated.id) };
      });
      return { person: presentPerson(row, documents) };
    },
  );

  app.post(
    '/persons/:id/documents',
    {
      config: access('addDocument'),
      schema: {
        tags,
        summary: 'Record an identity or travel document of a person',
        params: ZPersonId,
        body: ZAddIdentityDocument,
        response: { 201: z.object({ document: ZIdentityDocument }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await withTransaction(request, async (ctx) => {
        const person = await getPerson(ctx.tx, actor.missionId, request.params.id);
        authorize(request, personPolicy.addDocument(actor, person), 'Your role does not record documents.');
        await refuseRestricted(request, ctx.tx, actor, person);
        return addIdentityDocument(ctx, person.id, request.body);
      });
      return reply.status(201).send({ document: presentIdentityDocument(row) });
    },
  );
};
