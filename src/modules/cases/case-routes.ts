import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const caseRoutes: FastifyPluginAsyncZod = async () => {};
