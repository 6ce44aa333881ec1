import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const caseActivityRoutes: FastifyPluginAsyncZod = async () => {};
