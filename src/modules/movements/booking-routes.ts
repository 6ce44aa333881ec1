import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/transaction.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { cancelBooking } from './cancel-booking.js';
import { getCaseTravel, loadCaseForTravel } from './case-travel.js';
import { confirmBooking } from './confirm-booking.js';
import { createBooking } from './create-booking.js';
import { listCaseBookings, loadBooking } from './load-booking.js';
import { movementsPolicy } from './movements-policy.js';
import {
  ZBooking,
  ZCancelBooking,
  ZCaseTravel,
  ZCreateBooking,
  ZIdParams,
  ZItinerary,
} from './movements-schemas.js';
import { presentBookings } from './present-booking.js';
import { rebookBooking } from './rebook-booking.js';

const tags = ['movements'];
const ZBookingResponse = z.object({ booking: ZBooking });
const problem = (description: string) => z.object({}).passthrough().describe(description);

/** Bookings: itineraries for a case group (or for transit and arrival passengers), their versions and status. */
export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/bookings',
    {
      config: { access: 'user', policy: 'movements.book' },
      schema: {
        tags,
        summary:
          'Hold a booking: flights with local times at their airports, passengers, escorts, special needs',
        body: ZCreateBooking,
        response: { 201: ZBookingResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const booking = await withTransaction(request, async (ctx) => {
        const kase = request.body.caseId ? await loadCaseForTravel(ctx.tx, actor, request.body.caseId) : null;
        authorize(
          request,
          movementsPolicy.changeBooking(actor, kase),
          'You may not book travel for this case.',
        );
        const created = await createBooking(ctx, kase, request.body);
        return (await presentBookings(ctx.tx, [created]))[0]!;
      });
      return reply.status(201).send({ booking });
    },
  );

  app.get(
    '/cases/:id/travel',
    {
      config: { access: 'user', policy: 'movements.read' },
      schema: {
        tags,
        summary:
          "What a case's travel needs: travellers' names, documents, and the bookings with escorts and special needs",
        description:
          'For whoever may read the case, and for the movements team at the case’s office, restricted (trafficking) cases included: it carries nothing but what travel needs.',
        params: ZIdParams,
        response: { 200: ZCaseTravel },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCaseForTravel(db, actor, request.params.id);
      authorize(request, movementsPolicy.readCaseTravel(actor, kase));
      const travel = await getCaseTravel(db, kase);
      return { ...travel, bookings: await presentBookings(db, await listCaseBookings(db, kase)) };
    },
  );

  app.get(
    '/cases/:id/bookings',
    {
      config: { access: 'user', policy: 'movements.read' },
      schema: {
        tags,
        summary: "A case's bookings, every version, newest first",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZBooking) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const kase = await loadCaseForTravel(db, actor, request.params.id);
      authorize(request, movementsPolicy.readCaseBookings(actor, kase));
      return { items: await presentBookings(db, await listCaseBookings(db, kase)) };
    },
  );

  app.get(
    '/bookings/:id',
    {
      config: { access: 'user', policy: 'movements.read' },
      schema: {
        tags,
        summary: 'One booking version',
        params: ZIdParams,
        response: { 200: ZBookingResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const db = request.server.database.db;
      const { booking, kase } = await loadBooking(db, actor, request.params.id);
      authorize(request, movementsPolicy.readBooking(actor, kase));
      return { booking: (await presentBookings(db, [booking]))[0]! };
    },
  );

  app.post(
    '/bookings/:id/confirm',
    {
      config: { access: 'user', policy: 'movements.book' },
      schema: {
        tags,
        summary:
          "Confirm a held booking: the case takes its book_travel step, adults get an SMS, partners an event (422 when the case's workflow blocks travel)",
        params: ZIdParams,
        response: {
          200: ZBookingResponse,
          409: problem('The booking is not held'),
          422: problem('The case workflow blocks travel; `reasons` says why'),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const { booking, kase } = await loadBooking(ctx.tx, actor, request.params.id, { forUpdate: true });
        authorize(request, movementsPolicy.changeBooking(actor, kase));
        const confirmed = await confirmBooking(ctx, booking, kase);
        return { booking: (await presentBookings(ctx.tx, [confirmed]))[0]! };
      });
    },
  );

  app.post(
    '/bookings/:id/rebook',
    {
      config: { access: 'user', policy: 'movements.book' },
      schema: {
        tags,
        summary:
          'Change a booking: writes the next version and marks this one superseded (never overwritten)',
        params: ZIdParams,
        body: ZItinerary,
        response: {
          201: ZBookingResponse,
          409: problem('The booking is superseded, cancelled or partly travelled'),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const booking = await withTransaction(request, async (ctx) => {
        const { booking: current, kase } = await loadBooking(ctx.tx, actor, request.params.id, {
          forUpdate: true,
        });
        authorize(request, movementsPolicy.changeBooking(actor, kase));
        const next = await rebookBooking(ctx, current, kase, request.body);
        return (await presentBookings(ctx.tx, [next]))[0]!;
      });
      return reply.status(201).send({ booking });
    },
  );

  app.post(
    '/bookings/:id/cancel',
    {
      config: { access: 'user', policy: 'movements.book' },
      schema: {
        tags,
        summary: 'Cancel a booking; the travellers of a confirmed one are told by SMS',
        params: ZIdParams,
        body: ZCancelBooking,
        response: { 200: ZBookingResponse, 409: problem('The booking is already superseded or cancelled') },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTransaction(request, async (ctx) => {
        const { booking, kase } = await loadBooking(ctx.tx, actor, request.params.id, { forUpdate: true });
        authorize(request, movementsPolicy.changeBooking(actor, kase));
        const cancelled = await cancelBooking(ctx, booking, kase, request.body.reason);
        return { booking: (await presentBookings(ctx.tx, [cancelled]))[0]! };
      });
    },
  );
};
