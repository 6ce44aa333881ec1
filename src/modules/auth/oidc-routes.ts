import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/problem.js';
import { setChallengeCookie, setSessionCookie } from './auth-cookies.js';
import {
  OIDC_COOKIE,
  OIDC_TRANSACTION_MS,
  OidcClient,
  OidcRefusal,
  openTransaction,
  sealTransaction,
} from './oidc-client.js';
import { signInWithProvider } from './oidc-sign-in.js';

const tags = ['auth'];
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

/** Why a provider sign-in ended without a session; the sign-in page shows a message for each. */
export const OIDC_ERRORS = [
  'expired',
  'state_mismatch',
  'provider_error',
  'provider_unavailable',
  'email_not_verified',
  'no_account',
  'account_inactive',
  'locked',
] as const;
export type OidcError = (typeof OIDC_ERRORS)[number];

const ZRedirect = z.null().describe('A redirect (Location) to the provider or back to the application');

/** Signing in with the configured OpenID Connect provider (OIDC_* settings). */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = app.config.oidc;
  const oidc = settings ? new OidcClient(settings) : null;

  app.get(
    '/auth/oidc',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Whether signing in with an OpenID Connect provider is offered, and the name of the provider',
        security: [],
        response: {
          200: z.object({ enabled: z.boolean(), providerName: z.string().nullable() }),
        },
      },
    },
    async () => ({ enabled: settings !== null, providerName: settings?.providerName ?? null }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Starts signing in with the provider: redirects there with PKCE (S256), state and nonce, kept sealed ' +
          'in a ten-minute HttpOnly cookie for the callback',
        security: [],
        response: { 302: ZRedirect },
      },
    },
    async (request, reply) => {
      if (!oidc) throw notFound('OpenID Connect sign-in');
      try {
        const { url, transaction } = await oidc.start(new Date());
        reply.setCookie(OIDC_COOKIE, sealTransaction(transaction), {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          // Lax, not Strict: the cookie must come back on the provider's redirect, a navigation from another site.
          sameSite: 'lax',
          secure: request.server.config.cookieSecure,
          maxAge: Math.floor(OIDC_TRANSACTION_MS / 1000),
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return backToApp(reply, { error: refusalOf(request, error) });
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          "The provider's redirect back: checks state, exchanges the code, validates the ID token and signs in " +
          'the active Passage user with that verified e-mail (never creating one); redirects to the application, ' +
          'which asks for the second factor when it is still needed',
        security: [],
        querystring: z.record(z.string(), z.string().max(4096)),
        response: { 302: ZRedirect },
      },
    },
    async (request, reply) => {
      if (!oidc || !settings) throw notFound('OpenID Connect sign-in');
      const sealed = request.cookies[OIDC_COOKIE];
      // The transaction is good once, whatever happens next.
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      const transaction = sealed ? openTransaction(sealed, new Date()) : null;
      try {
        if (!transaction) throw new OidcRefusal('expired', 'No live sign-in was started in this browser');
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const identity = await oidc.finish(query, transaction);
        const result = await signInWithProvider(request.server.database.db, identity, {
          acceptProviderMfa: settings.acceptProviderMfa,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        });
        if (result.kind === 'refused') {
          request.log.warn({ oidcRefusal: result.reason }, 'OpenID Connect sign-in refused');
          return backToApp(reply, { error: result.reason });
        }
        const secure = request.server.config.cookieSecure;
        if (result.kind === 'second_factor') {
          setChallengeCookie(reply, result.challengeToken, secure);
          return backToApp(reply, { secondFactor: true });
        }
        setSessionCookie(reply, result.token, secure);
        return backToApp(reply, {});
      } catch (error) {
        return backToApp(reply, { error: refusalOf(request, error) });
      }
    },
  );
};

// A refusal's reason for the sign-in page, logged without anything that names the person.
function refusalOf(request: FastifyRequest, error: unknown): OidcError {
  if (!(error instanceof OidcRefusal)) throw error;
  request.log.warn({ oidcRefusal: error.reason, detail: error.message }, 'OpenID Connect sign-in refused');
  return error.reason;
}

// Back to the application's start page: signed in, waiting for the second factor, or with the reason it failed.
function backToApp(
  reply: FastifyReply,
  outcome: { error?: OidcError; secondFactor?: boolean },
): FastifyReply {
  const query = outcome.error
    ? `?oidc_error=${outcome.error}`
    : outcome.secondFactor
      ? '?oidc=second_factor'
      : '';
  return reply.redirect(`/${query}`, 302);
}
