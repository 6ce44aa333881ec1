import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { unauthorized } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { logIn } from './login.js';
import { destroySession, SESSION_COOKIE, SESSION_MAX_MS } from './sessions.js';

const tags = ['auth'];

const ZMe = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  missionId: z.uuid(),
  locale: z.string(),
  roles: z.array(z.object({ role: z.string(), officeId: z.uuid().nullable() })),
});

function presentMe(actor: Actor) {
  return { user: actor };
}

/** Login, logout and the signed-in user. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: {
        access: 'public',
        // Ten tries a minute per address: enough for typos, too few for guessing.
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
        security: [],
        body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: ZMe }) },
      },
    },
    async (request, reply) => {
      const result = await logIn(request.server.database.db, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (!result) throw unauthorized('The e-mail address or password is not right.');
      setSessionCookie(reply, result.token, request.server.config.cookieSecure);
      return presentMe(result.actor);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'user', policy: 'auth.self' },
      schema: { tags, summary: 'Sign out: ends the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, true);
      const token = request.cookies[SESSION_COOKIE];
      const db = request.server.database.db;
      await db.transaction(async (tx) => {
        if (token) await destroySession(tx, token);
        const ctx = { tx, actor, requestId: request.id, ip: request.ip ?? null, now: new Date() };
        await recordAudit(ctx, { action: 'auth.logout', recordType: 'user', recordId: actor.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'user', policy: 'auth.self' },
      schema: {
        tags,
        summary: 'The signed-in user and their roles',
        response: { 200: z.object({ user: ZMe }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Everyone may see who they are themselves.
      authorize(request, true);
      return presentMe(actor);
    },
  );
};

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}
