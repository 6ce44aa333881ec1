import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardRoutes } from './board-routes.js';
import { bookingRoutes } from './booking-routes.js';

/** The movements module: bookings, the airport operations board and manifests. */
export const movementsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(bookingRoutes);
  await app.register(boardRoutes);
};
