import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const personRoutes: FastifyPluginAsyncZod = async () => {};
