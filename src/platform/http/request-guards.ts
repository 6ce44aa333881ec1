import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, forbidden } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every request before its handler: NUL characters anywhere in the input (PostgreSQL cannot
 * store them, so they would surface as a 500), cross-site state changes made with the session
 * cookie (CSRF), and responses of the API kept out of caches.
 */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWithCookie(request))
      throw forbidden('Cross-site requests may not change anything with the session cookie.');
  });
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...findNul(request.params, 'params'),
      ...findNul(request.query, 'querystring'),
      ...findNul(request.body, 'body'),
    ].map((path) => ({ path, message: 'must not contain a NUL character' }));
    if (errors.length > 0)
      throw badRequest(`The request is invalid: ${errors.map((e) => e.path).join(', ')}.`, errors);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Personal data must not stay in browser or proxy caches; a route may still set its own header.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * A state-changing request that carries a cookie (the session) and no API key, sent by a page of
 * another site: the browser says so in Sec-Fetch-Site, or, in browsers without it, in an Origin
 * that is not this server.
 */
function isCrossSiteWithCookie(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method) || !request.headers.cookie) return false;
  if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'cross-site';
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return true; // "null" or garbage: an opaque origin is never this server
  }
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
