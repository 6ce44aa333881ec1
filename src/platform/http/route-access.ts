import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { forbidden, HttpProblem, unauthorized } from './problem.js';

/**
 * Every API route declares who may call it: `public` (health, login, the OpenAPI document)
 * or `user` with the name of the policy its handler checks. A route without a declaration
 * is refused at start-up, and a user route that answers successfully without having called
 * `authorize` is turned into a 500, so a forgotten check fails loudly instead of leaking.
 */
export type RouteAccess = { access: 'public' } | { access: 'user'; policy: string; scopes?: string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: 'public' | 'user';
    policy?: string;
    /** API-key scopes that may call the route besides signed-in users (none: users only). */
    scopes?: string[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    policyChecked: boolean;
  }
  interface FastifyInstance {
    /** Finds the signed-in user of a request. */
    resolveActor: ActorResolver;
    /** Finds the partner behind an API key (Authorization: Bearer), when API keys are enabled. */
    resolveApiKey: ApiKeyResolver | null;
    /** Every API route with its declared access rule, for the route-walking test and the docs. */
    apiRoutes: RegisteredRoute[];
  }
}

/** An API route as registered, with its access rule. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: 'public' | 'user' | 'docs';
  policy: string | null;
  scopes: string[];
}

/** Finds the signed-in user of a request, or null. */
export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

/** Finds the partner actor of an API key, or null when the key is unknown or revoked. */
export type ApiKeyResolver = (request: FastifyRequest, key: string) => Promise<Actor | null>;

/** Where the API documentation page is served. */
export const DOCS_PREFIX = '/api/docs';

/** Installs the access rules on every route registered after this call. */
export function registerRouteAccess(
  app: FastifyInstance,
  resolveActor: ActorResolver,
  options: { resolveApiKey?: ApiKeyResolver } = {},
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('policyChecked', false);
  app.decorate('resolveActor', resolveActor);
  app.decorate('resolveApiKey', options.resolveApiKey ?? null);
  const apiRoutes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as { access?: string; policy?: string; scopes?: string[] };
    const record = (access: RegisteredRoute['access'], policy: string | null) => {
      const scopes = config.scopes ?? [];
      for (const method of methods) apiRoutes.push({ method, url: route.url, access, policy, scopes });
    };
    // The documentation page's own routes (registered by @fastify/swagger-ui) are public by nature.
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) return record('docs', null);
    if (config.access === 'public') return record('public', null);
    if (config.access === 'user' && typeof config.policy === 'string' && config.policy.length > 0) {
      record('user', config.policy);
      // Authenticate before the body is even validated: a stranger learns nothing about the schema.
      const previous = route.onRequest;
      const list = previous ? (Array.isArray(previous) ? previous : [previous]) : [];
      route.onRequest = [requireActor, ...list];
      return;
    }
    throw new Error(
      `Route ${route.method} ${route.url} declares no access rule (config.access and config.policy)`,
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config as { access?: string };
    if (config.access !== 'user' || reply.statusCode >= 400 || request.policyChecked) return payload;
    request.log.error({ route: request.routeOptions.url }, 'route answered without a policy check');
    const problem = new HttpProblem({
      status: 500,
      title: 'Internal Server Error',
      detail: 'The route answered without checking its policy.',
    });
    reply.status(500).type('application/problem+json; charset=utf-8');
    return JSON.stringify(problem.toJSON(request.url));
  });
}

async function requireActor(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer && request.server.resolveApiKey) {
    const partner = await request.server.resolveApiKey(request, bearer);
    if (!partner?.partner) throw unauthorized('The API key is not valid or has been revoked.');
    const accepted = (request.routeOptions.config as { scopes?: string[] }).scopes ?? [];
    if (!partner.partner.scopes.some((scope) => accepted.includes(scope))) {
      throw forbidden(
        accepted.length > 0
          ? `This API key lacks the scope this route needs (one of: ${accepted.join(', ')}).`
          : 'This route does not accept API keys.',
      );
    }
    request.actor = partner;
    return;
  }
  const actor = await request.server.resolveActor(request);
  if (!actor) throw unauthorized();
  request.actor = actor;
}

/** The signed-in user of a `user` route (the onRequest hook has already refused anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** Records that the route's policy was checked, and refuses with 403 when it does not allow the action. */
export function authorize(request: FastifyRequest, allowed: boolean, detail?: string): void {
  request.policyChecked = true;
  if (!allowed) throw forbidden(detail);
}
