import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { Client } from './test-app.js';

/** Who the test provider signs in at its next authorization: no login form, the test decides. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
  /** The authentication methods the provider reports in the ID token (RFC 8176). */
  amr?: string[];
}

/** An OpenID Connect provider (oidc-provider) on 127.0.0.1 with one confidential client. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The OIDC_* settings of a Passage that signs in with this provider. */
  env: Record<string, string>;
  /**
   * The account the next sign-in at the provider logs in as. A browser that already holds a
   * session at the provider is signed in again as that session's account: use a fresh context.
   */
  signInAs(account: ProviderAccount): void;
  close(): Promise<void>;
}

export const TEST_REDIRECT_URI = 'http://localhost:3000/api/v1/auth/oidc/callback';

/**
 * Starts oidc-provider on a random port of 127.0.0.1. Its interaction page logs in the account
 * given to `signInAs` at once (with that `amr`), and consent is granted for every scope asked,
 * so a test drives the whole authorization code flow with plain HTTP requests.
 */
export async function startTestProvider(options: { redirectUri?: string } = {}): Promise<TestProvider> {
  const redirectUri = options.redirectUri ?? TEST_REDIRECT_URI;
  let next: ProviderAccount | null = null;
  const accounts = new Map<string, ProviderAccount>();
  let provider: Provider | null = null;
  const server = http.createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      void finishInteraction(provider, req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'passage-test';
  const clientSecret = 'passage-test-secret-0123456789abcdef';
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    // amr in every ID token, as Keycloak and Entra ID send it (oidc-provider sends it only when asked).
    claims: { openid: ['sub', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified ?? true,
        }),
      };
    },
    // A first-party client: every scope asked is granted without a consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });

  async function finishInteraction(
    current: Provider,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const details = await current.interactionDetails(req, res);
    if (details.prompt.name !== 'login' || !next) throw new Error(`Unexpected prompt ${details.prompt.name}`);
    const sub = `sub-${next.email}`;
    accounts.set(sub, next);
    await current.interactionFinished(
      req,
      res,
      { login: { accountId: sub, ...(next.amr ? { amr: next.amr } : {}) } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_PROVIDER_NAME: 'Test IdP',
      ...(options.redirectUri ? { OIDC_REDIRECT_URI: options.redirectUri } : {}),
    },
    signInAs(account) {
      next = account;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Follows a browser through the provider: from the authorization URL Passage redirected to, with
 * the provider's cookies kept, until the provider redirects back to Passage's callback. Answers
 * the callback's path and query (for app.inject).
 */
export async function followProviderToCallback(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(TEST_REDIRECT_URI)) {
      const callback = new URL(url);
      return `${callback.pathname}${callback.search}`;
    }
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects at the provider');
}

/** Starts a provider sign-in at Passage: the provider's URL and the sealed transaction cookie. */
export async function startProviderSignIn(client: Client): Promise<{ location: string; cookie: string }> {
  const response = await client.get('/api/v1/auth/oidc/start');
  if (response.statusCode !== 302) throw new Error(`start answered ${response.statusCode}: ${response.body}`);
  return { location: String(response.headers.location), cookie: cookieNamed(response, 'passage_oidc') };
}

/** The `name=value` of one cookie a response sets, or '' when it sets none by that name. */
export function cookieNamed(response: { headers: Record<string, unknown> }, name: string): string {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.map((c) => String(c).split(';')[0]!).find((c) => c.startsWith(`${name}=`));
  return found && found !== `${name}=` ? found : '';
}
