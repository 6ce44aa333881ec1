import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupAirport } from '../../platform/airports/airports.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { casePolicy } from '../cases/case-policy.js';
import { datePassengerFact } from './date-passenger-fact.js';
import { getBoard } from './get-board.js';
import { getManifest } from './get-manifest.js';
import { loadBookingPassenger } from './load-booking-passenger.js';
import { manifestCsv, manifestPdf } from './manifest-files.js';
import { movementsPolicy } from './movements-policy.js';
import {
  ZAssistTask,
  ZBoardQuery,
  ZHandoverInput,
  ZIdParams,
  ZManifestQuery,
  ZPassengerStatusChange,
  ZUpdateAssistTask,
} from './movements-schemas.js';
import { recordHandover } from './record-handover.js';
import { recordPassengerStatus } from './record-passenger-status.js';
import { passengerStatuses } from './schema.js';
import { updateAssistTask } from './update-assist-task.js';

const tags = ['movements'];
const problem = (description: string) => z.object({}).passthrough().describe(description);
const ZZoned = z.object({ local: z.string(), timeZone: z.string(), utc: z.string() });
const ZFlightAt = z.object({ flight: z.string(), localTime: z.string(), time: ZZoned, airport: z.string() });
const ZBoardFlight = z.object({
  key: z.string(),
  movement: z.enum(['departure', 'transit', 'arrival']),
  localTime: z.string(),
  inbound: ZFlightAt.nullable(),
  outbound: ZFlightAt.nullable(),
  connection: z
    .object({ minutes: z.number().int(), warning: z.enum(['below_minimum', 'impossible']).nullable() })
    .nullable(),
  passengerCount: z.number().int(),
  groups: z.array(
    z.object({
      bookingId: z.uuid(),
      status: z.enum(['booked', 'confirmed']),
      pnr: z.string().nullable(),
      programme: z.string(),
      case: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
      escorts: z.array(z.object({ kind: z.string(), name: z.string(), organisation: z.string().nullable() })),
      tasks: z.array(
        z.object({
          id: z.uuid(),
          kind: z.string(),
          assigneeId: z.uuid().nullable(),
          doneAt: z.string().nullable(),
        }),
      ),
      passengers: z.array(
        z.object({
          id: z.uuid(),
          personId: z.uuid(),
          givenName: z.string(),
          familyName: z.string(),
          status: z.string(),
          specialNeeds: z.array(z.string()),
          handover: z
            .object({ at: z.string(), receivingPartyName: z.string(), receivedBy: z.string() })
            .nullable(),
        }),
      ),
    }),
  ),
});

async function assertKnownAirport(iata: string): Promise<void> {
  if (!(await lookupAirport(iata))) {
    throw badRequest('Unknown airport.', [
      { path: 'querystring.airport', message: 'is not a known airport' },
    ]);
  }
}

/** The airport operations board, its tasks and passenger outcomes, and flight manifests. */
export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/board',
    {
      config: { access: 'user', policy: 'movements.board' },
      schema: {
        tags,
        summary: "An airport's departures, transits and arrivals on a local date, by flight and local time",
        querystring: ZBoardQuery,
        response: {
          200: z.object({
            date: z.string(),
            airport: z.object({ iata: z.string(), name: z.string(), timeZone: z.string() }),
            departures: z.array(ZBoardFlight),
            transits: z.array(ZBoardFlight),
            arrivals: z.array(ZBoardFlight),
            totals: z.object({ passengers: z.number().int(), flights: z.number().int() }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, movementsPolicy.readBoard(actor));
      await assertKnownAirport(request.query.airport);
      return getBoard(request.server.database.db, actor, request.query);
    },
  );

  app.patch(
    '/board/tasks/:id',
    {
      config: { access: 'user', policy: 'movements.runBoard' },
      schema: {
        tags,
        summary: 'Assign a meet-and-assist task or tick it off',
        params: ZIdParams,
        body: ZUpdateAssistTask,
        response: { 200: z.object({ task: ZAssistTask }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(request, movementsPolicy.runBoard(actor));
      return withTransaction(request, async (ctx) => {
        const task = await updateAssistTask(ctx, request.params.id, request.body);
        return { task: { id: task.id, kind: task.kind, assigneeId: task.assigneeId, doneAt: task.doneAt } };
      });
    },
  );

  app.post(
    '/board/passengers/:id/status',
    {
      config: { access: 'user', policy: 'movements.runBoard' },
      schema: {
        tags,
        summary:
          'Mark a passenger checked in, departed, no-show or arrived — one action that also moves the case (mark_departed, no_show_rebook / no_show_documents) and notifies partners on departure',
        params: ZIdParams,
        body: ZPassengerStatusChange,
        response: {
          200: z.object({ status: z.enum(passengerStatuses), caseStatus: z.string().nullable() }),
          409: problem(
            'The passenger cannot move to that status from the current one, or departs on a case that is not travel booked (code case_not_travel_booked: on hold, withdrawn, sent back)',
          ),
          422: problem('The case workflow refuses the step'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const { kase } = await loadBookingPassenger(ctx.tx, actor, request.params.id);
        authorize(
          request,
          movementsPolicy.runBoard(actor) && (!kase || casePolicy.transition(actor, kase)),
          'You may not record this passenger’s departure.',
        );
        const dated = await datePassengerFact(ctx, request.params.id, {
          path: 'body.occurredAt',
          occurredAt: request.body.occurredAt,
        });
        return recordPassengerStatus(dated, request.params.id, request.body);
      });
    },
  );

  app.post(
    '/board/passengers/:id/handover',
    {
      config: { access: 'user', policy: 'movements.runBoard' },
      schema: {
        tags,
        summary: 'Record the handover of an arriving passenger to the receiving party (time and person)',
        params: ZIdParams,
        body: ZHandoverInput,
        response: {
          201: z.object({
            handover: z.object({ id: z.uuid(), handedOverAt: z.date(), status: z.literal('arrived') }),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const handover = await withTransaction(request, async (ctx) => {
        authorize(request, movementsPolicy.runBoard(actor));
        const dated = await datePassengerFact(ctx, request.params.id, {
          path: 'body.handedOverAt',
          occurredAt: request.body.handedOverAt,
          afterDeparture: true,
        });
        return recordHandover(dated, request.params.id, request.body);
      });
      return reply.status(201).send({ handover });
    },
  );

  app.get(
    '/manifests',
    {
      config: { access: 'user', policy: 'movements.manifest' },
      schema: {
        tags,
        summary:
          'The passenger manifest of a flight on its local departure date, as JSON, CSV (RFC 4180) or PDF',
        querystring: ZManifestQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, movementsPolicy.readManifest(actor));
      const db = request.server.database.db;
      const manifest = await getManifest(db, actor, request.query);
      // A manifest lists names, dates of birth and document numbers: who took one is kept.
      await withTransaction(request, (ctx) =>
        recordAudit(ctx, {
          action: 'manifest.export',
          recordType: 'flight',
          recordId: `${manifest.flight}:${manifest.date}`,
          after: { format: request.query.format, lines: manifest.lines.length, leftOut: manifest.leftOut },
        }),
      );
      const filename = `manifest-${manifest.flight}-${manifest.date}`;
      reply.header('cache-control', 'private, no-store');
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('content-disposition', `attachment; filename="${filename}.csv"`)
          .send(manifestCsv(manifest));
      }
      if (request.query.format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}.pdf"`)
          .send(await manifestPdf(manifest));
      }
      return manifest;
    },
  );
};
