import { and, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { HttpProblem, notFound, unauthorized } from '../../platform/http/problem.js';
import { actorOf, authorize } from '../../platform/http/route-access.js';
import { users } from '../organisation/schema.js';
import { decryptSecret } from '../partners/secret-box.js';
import { setChallengeCookie, setSessionCookie } from './auth-cookies.js';
import { logIn } from './login.js';
import { CHALLENGE_COOKIE, findChallenge } from './login-challenges.js';
import { resetSecondFactor, totpUri } from './second-factor.js';
import { destroySession, SESSION_COOKIE } from './sessions.js';
import { verifySecondFactor } from './verify-second-factor.js';

const tags = ['auth'];

const ZMe = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  missionId: z.uuid(),
  locale: z.string(),
  roles: z.array(z.object({ role: z.string(), officeId: z.uuid().nullable() })),
  platformAdmin: z.boolean().describe('a platform administrator, who lists and creates missions'),
});

function presentMe(actor: Actor) {
  return { user: { ...actor, platformAdmin: actor.platformAdmin === true } };
}

const ZSecondFactorStep = z.object({
  secondFactor: z.object({
    step: z
      .enum(['code', 'enrol'])
      .describe('code: give a code; enrol: add the secret to an app, then give its code'),
    secret: z.string().optional().describe('the new TOTP secret (base32), when enrolling'),
    otpauthUri: z.string().optional().describe('the otpauth:// URI of the new secret, for a QR code'),
  }),
});

// Refused sign-ins of a locked account: 429 with the wait, the same whether or not the account exists.
function lockedOut(reply: FastifyReply, retryAfterMs: number): HttpProblem {
  const seconds = Math.ceil(retryAfterMs / 1000);
  reply.header('retry-after', String(seconds));
  return new HttpProblem({
    status: 429,
    title: 'Too Many Requests',
    detail: 'Too many failed sign-ins for this account. Try again later.',
    extra: { retryAfterSeconds: seconds },
  });
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
        summary:
          'Sign in with e-mail and password; sets an HttpOnly session cookie, or asks for the second factor ' +
          '(administrators and managers) with a short-lived challenge cookie',
        security: [],
        body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
        response: { 200: z.union([z.object({ user: ZMe }), ZSecondFactorStep]) },
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
      if (result.kind === 'locked') throw lockedOut(reply, result.retryAfterMs);
      if (result.kind === 'refused') throw unauthorized('The e-mail address or password is not right.');
      if (result.kind === 'second_factor') {
        setChallengeCookie(reply, result.challengeToken, request.server.config.cookieSecure);
        return {
          secondFactor: result.enrolment
            ? { step: 'enrol' as const, secret: result.enrolment.secret, otpauthUri: result.enrolment.uri }
            : { step: 'code' as const },
        };
      }
      setSessionCookie(reply, result.token, request.server.config.cookieSecure);
      return presentMe(result.actor);
    },
  );

  app.post(
    '/auth/login/second-factor',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'The second step of signing in: a TOTP code or a one-time recovery code; a first code confirms a new ' +
          'enrolment and returns the recovery codes, shown once',
        security: [],
        body: z
          .object({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/)
              .optional(),
            recoveryCode: z.string().trim().min(8).max(40).optional(),
          })
          .refine((body) => Boolean(body.code) !== Boolean(body.recoveryCode), {
            message: 'Give either a code or a recovery code.',
            path: ['code'],
          }),
        response: { 200: z.object({ user: ZMe, recoveryCodes: z.array(z.string()).optional() }) },
      },
    },
    async (request, reply) => {
      const challengeToken = request.cookies[CHALLENGE_COOKIE];
      if (!challengeToken) throw unauthorized('Sign in with your password first.');
      const result = await verifySecondFactor(request.server.database.db, {
        challengeToken,
        code: request.body.code,
        recoveryCode: request.body.recoveryCode,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (result.kind === 'locked') throw lockedOut(reply, result.retryAfterMs);
      if (result.kind === 'expired') {
        reply.clearCookie(CHALLENGE_COOKIE, { path: '/api/v1/auth' });
        throw unauthorized('Sign in with your password again.');
      }
      if (result.kind === 'refused') {
        if (!result.challengeOpen) reply.clearCookie(CHALLENGE_COOKIE, { path: '/api/v1/auth' });
        throw unauthorized('The code is not right.');
      }
      reply.clearCookie(CHALLENGE_COOKIE, { path: '/api/v1/auth' });
      setSessionCookie(reply, result.token, request.server.config.cookieSecure);
      return {
        ...presentMe(result.actor),
        ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}),
      };
    },
  );

  app.get(
    '/auth/login/second-factor',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'The second factor a half-done sign-in waits for (after a provider sign-in, which arrives by redirect): ' +
          'a code, or a new secret to enrol; needs the challenge cookie',
        security: [],
        response: { 200: ZSecondFactorStep },
      },
    },
    async (request) => {
      const challengeToken = request.cookies[CHALLENGE_COOKIE];
      const db = request.server.database.db;
      const challenge = challengeToken ? await findChallenge(db, challengeToken, new Date()) : null;
      if (!challenge) throw unauthorized('Sign in again.');
      if (!challenge.pendingSecret) return { secondFactor: { step: 'code' as const } };
      const [user] = await db
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, challenge.userId));
      if (!user) throw unauthorized('Sign in again.');
      const secret = decryptSecret(challenge.pendingSecret);
      return { secondFactor: { step: 'enrol' as const, secret, otpauthUri: totpUri(user.email, secret) } };
    },
  );

  app.delete(
    '/auth/users/:userId/second-factor',
    {
      config: { access: 'user', policy: 'auth.resetSecondFactor' },
      schema: {
        tags,
        summary:
          "An administrator removes a user's second factor and recovery codes; they enrol again at next sign-in",
        params: z.object({ userId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(request, hasRole(actor, 'admin'));
      await withTransaction(request, async (ctx) => {
        const [user] = await ctx.tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, request.params.userId), eq(users.missionId, actor.missionId)));
        if (!user) throw notFound('User');
        const removed = await resetSecondFactor(ctx.tx, user.id);
        await recordAudit(ctx, {
          action: 'auth.mfa_reset',
          recordType: 'user',
          recordId: user.id,
          before: { enrolled: removed },
        });
      });
      return reply.status(204).send(null);
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
