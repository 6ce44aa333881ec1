import * as client from 'openid-client';
import type { OidcSettings } from '../../config.js';
import { decryptSecret, encryptSecret } from '../partners/secret-box.js';

/** The cookie that carries a started provider sign-in (state, nonce, PKCE verifier) to the callback. */
export const OIDC_COOKIE = 'passage_oidc';
/** How long the user may take at the provider. */
export const OIDC_TRANSACTION_MS = 10 * 60 * 1000;

/** What the callback needs to check the provider's answer: kept sealed in the cookie. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

/** Who the provider says signed in, from a validated ID token (and the userinfo endpoint). */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** The authentication methods the provider reports (RFC 8176), e.g. ["pwd", "mfa"]. */
  amr: string[];
}

/** Why a provider's answer was not accepted. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason: 'expired' | 'state_mismatch' | 'provider_error' | 'provider_unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** Seals a transaction for the cookie: AES-256-GCM with PASSAGE_SECRET_KEY, so it can be neither read nor forged. */
export function sealTransaction(transaction: OidcTransaction): string {
  return encryptSecret(JSON.stringify(transaction));
}

/** Opens a sealed transaction; null when it was tampered with, malformed or has expired. */
export function openTransaction(sealed: string, now: Date): OidcTransaction | null {
  try {
    const value = JSON.parse(decryptSecret(sealed)) as Partial<OidcTransaction>;
    if (
      typeof value.state !== 'string' ||
      typeof value.nonce !== 'string' ||
      typeof value.codeVerifier !== 'string' ||
      typeof value.expiresAt !== 'number' ||
      value.expiresAt <= now.getTime()
    )
      return null;
    return value as OidcTransaction;
  } catch {
    return null;
  }
}

/**
 * The relying party of one configured provider, through openid-client: discovery (kept once it
 * succeeds, tried again after a failure), the authorization URL with PKCE (S256), state and nonce,
 * and the code exchange with the ID token's checks (issuer, audience, signature, expiry, nonce).
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const found = client.discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        { redirect_uris: [this.settings.redirectUri], response_types: ['code'] },
        client.ClientSecretBasic(this.settings.clientSecret),
        this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.configuration = found;
      found.catch(() => {
        if (this.configuration === found) this.configuration = null;
      });
    }
    return this.configuration;
  }

  /** Starts a sign-in: the provider's authorization URL and the transaction to keep until the callback. */
  async start(now: Date): Promise<{ url: string; transaction: OidcTransaction }> {
    const configuration = await this.discover().catch((error: unknown) => {
      throw new OidcRefusal('provider_unavailable', `Discovery failed: ${String(error)}`);
    });
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction: OidcTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      expiresAt: now.getTime() + OIDC_TRANSACTION_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      // The e-mail is all Passage needs to know about the person.
      scope: 'openid email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  /**
   * Finishes a sign-in from the callback's query string: checks the state, exchanges the code with
   * the PKCE verifier, validates the ID token with the nonce, and reads the e-mail from the ID
   * token or, when the provider keeps it to the userinfo endpoint, from there (same subject).
   */
  async finish(query: string, transaction: OidcTransaction): Promise<ProviderIdentity> {
    const configuration = await this.discover().catch((error: unknown) => {
      throw new OidcRefusal('provider_unavailable', `Discovery failed: ${String(error)}`);
    });
    // The callback URL as registered, with the provider's parameters: never the Host header.
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query;
    if (currentUrl.searchParams.get('state') !== transaction.state)
      throw new OidcRefusal('state_mismatch', 'The state does not match the sign-in this browser started');
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcRefusal('provider_error', describe(error));
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcRefusal('provider_error', 'The provider sent no ID token');
    let email = typeof claims.email === 'string' ? claims.email : null;
    let emailVerified = claims.email_verified === true;
    if (!email && tokens.access_token) {
      try {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : null;
        emailVerified = info.email_verified === true;
      } catch (error) {
        throw new OidcRefusal('provider_error', describe(error));
      }
    }
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email,
      emailVerified,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : [],
    };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
