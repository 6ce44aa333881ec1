import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

/**
 * Every API route is limited per caller: per signed-in user, per API key, and per address for
 * anonymous calls, so one busy script cannot slow everyone down. The limiter runs after
 * authentication (preHandler), which is what lets it know the caller; routes may set their own
 * `config.rateLimit` (signing in has a stricter one). `perMinute` 0 switches the limit off.
 */
export function rateLimitOptions(perMinute: number): RateLimitPluginOptions {
  return {
    global: perMinute > 0,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/'),
    keyGenerator: (request: FastifyRequest) => {
      const actor = request.actor;
      if (!actor) return `address:${request.ip}`;
      return actor.partner ? `api-key:${actor.id}` : `user:${actor.id}`;
    },
    errorResponseBuilder: (_request, context) =>
      new HttpProblem({
        status: 429,
        title: 'Too Many Requests',
        detail: `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`,
      }),
  };
}
