import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WebhookTargetPolicy } from './platform/outbox/channels/webhook-target-policy.js';
import { repositoryRoot } from './platform/paths.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /**
   * Where migrations run, as the tables' owner, when the application itself runs as a role with
   * fewer rights (INSERT and SELECT only on the audit log: scripts/app-role.sql). Unset: DATABASE_URL.
   */
  databaseMigrationUrl: string | null;
  /** A streaming replica of DATABASE_URL that reports, exports and the dashboard read from. */
  databaseReplicaUrl: string | null;
  /** How far behind the primary the replica may be before reports read from the primary instead. */
  replicaMaxLagSeconds: number;
  dataDir: string;
  demo: boolean;
  /** How many AVRR cases the demo caseload has. */
  demoCases: number;
  cookieSecure: boolean;
  /**
   * Which reverse proxies may say who the client is in X-Forwarded-For: false (none), a hop
   * count, or the proxies' addresses and CIDR ranges. Never "any": a forged header would choose
   * the address that throttling, sessions and the audit log see.
   */
  trustProxy: false | number | string[];
  logLevel: string;
  version: string;
  /** The daily retention job: anonymise (the default), only count and list (dry-run), or not at all. */
  retentionSchedule: 'anonymise' | 'dry-run' | 'off';
  webhookTargets: WebhookTargetPolicy;
  /** Requests a minute per user, per API key and per anonymous address on the API (0: no limit). */
  rateLimitPerMinute: number;
  /** Cases a history import writes per transaction (HISTORY_BATCH_SIZE, default 250). */
  historyBatchSize: number;
  /** The address users open Passage at: the base of the set-password links sent by e-mail. */
  publicUrl: string;
  /** Signing in with an OpenID Connect provider; null when OIDC_ISSUER is not set. */
  oidc: OidcSettings | null;
}

/** The OpenID Connect provider users may sign in with (OIDC_* settings). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this server's /api/v1/auth/oidc/callback. */
  redirectUri: string;
  /** The name on the sign-in button. */
  providerName: string;
  /**
   * Whether the provider's word that it used more than a password (`amr` with mfa, otp or hwk)
   * stands in for Passage's own second factor. Off unless OIDC_ACCEPT_PROVIDER_MFA=1.
   */
  acceptProviderMfa: boolean;
  /** Plain http to a provider on this machine: development only (allowInsecureRequests). */
  allowHttp: boolean;
}

const packageJson = path.join(repositoryRoot, 'package.json');

/** Reads the configuration from environment variables, with the defaults of README.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL?.trim() || null,
    databaseReplicaUrl: readReplicaUrl(env, databaseUrl),
    replicaMaxLagSeconds: readCount(env.REPLICA_MAX_LAG_SECONDS, 30, 'REPLICA_MAX_LAG_SECONDS', 86_400),
    dataDir,
    // Demo users and caseload exist only where nobody can mistake them for real data.
    demo: env.PASSAGE_DEMO === '1' || (databaseUrl === null && env.PASSAGE_DEMO !== '0'),
    demoCases: readCount(env.PASSAGE_DEMO_CASES, 200, 'PASSAGE_DEMO_CASES'),
    cookieSecure: env.COOKIE_SECURE === '1',
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    version: readVersion(),
    retentionSchedule: readRetentionSchedule(env.RETENTION_SCHEDULE),
    webhookTargets: readWebhookTargetPolicy(env),
    rateLimitPerMinute: readCount(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE', 1_000_000),
    historyBatchSize: Math.max(1, readCount(env.HISTORY_BATCH_SIZE, 250, 'HISTORY_BATCH_SIZE', 10_000)),
    publicUrl,
    oidc: readOidcSettings(env, publicUrl),
  };
}

/** The replica's URL: only beside a server database, since the embedded one has no replicas. */
function readReplicaUrl(env: NodeJS.ProcessEnv, databaseUrl: string | null): string | null {
  const url = env.DATABASE_REPLICA_URL?.trim() || null;
  if (url && !databaseUrl)
    throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replicas');
  return url;
}

/** https-only webhooks on a server database (production); WEBHOOK_ALLOWED_HOSTS may name private hosts. */
export function readWebhookTargetPolicy(env: NodeJS.ProcessEnv = process.env): WebhookTargetPolicy {
  return {
    requireHttps: Boolean(env.DATABASE_URL?.trim()),
    allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) =>
        host
          .trim()
          .toLowerCase()
          .replace(/^\[(.*)\]$/, '$1'),
      )
      .filter(Boolean),
  };
}

function readCount(value: string | undefined, fallback: number, name: string, max = 100_000): number {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > max)
    throw new Error(`${name} must be a whole number, not "${value}"`);
  return count;
}

function readRetentionSchedule(value: string | undefined): Config['retentionSchedule'] {
  const schedule = value?.trim() || 'anonymise';
  if (schedule === 'anonymise' || schedule === 'dry-run' || schedule === 'off') return schedule;
  throw new Error(`RETENTION_SCHEDULE must be anonymise, dry-run or off, not "${value}"`);
}
// --- sign-in security (TRUST_PROXY) ---
function readTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10)
      throw new Error(`TRUST_PROXY must be a hop count (1 to 10) or proxy addresses, not "${value}"`);
    return hops;
  }
  const addresses = text.split(',').map((part) => part.trim());
  // An address or a CIDR range of IPv4 or IPv6; "true" or "*" would trust anyone who sends the header.
  if (!addresses.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a) && /[.:]/.test(a)))
    throw new Error(
      `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses, not "${value}"`,
    );
  return addresses;
}
// --- end sign-in security ---

/** The path of the OpenID Connect callback; OIDC_REDIRECT_URI must end with it. */
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Reads the OIDC_* settings: null when OIDC_ISSUER is unset, an error when they are incomplete or
 * unsafe. Plain http is accepted only for a provider and callback on this machine, and only in
 * development (the embedded database and NODE_ENV not production); everything else must be https.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv, publicUrl: string): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim() ?? '';
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? '';
  if (!issuer) {
    if (clientId || clientSecret || env.OIDC_REDIRECT_URI?.trim())
      throw new Error('OIDC_ISSUER must be set when other OIDC_ settings are');
    return null;
  }
  if (!clientId) throw new Error('OIDC_CLIENT_ID must be set when OIDC_ISSUER is');
  if (!clientSecret) throw new Error('OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is');
  const development = !env.DATABASE_URL?.trim() && env.NODE_ENV !== 'production';
  const issuerUrl = readSafeUrl('OIDC_ISSUER', issuer, development);
  if (issuerUrl.search || issuerUrl.hash)
    throw new Error(`OIDC_ISSUER must not have a query or fragment, not "${issuer}"`);
  const redirectText = env.OIDC_REDIRECT_URI?.trim() || `${publicUrl}${OIDC_CALLBACK_PATH}`;
  const redirectUrl = readSafeUrl('OIDC_REDIRECT_URI', redirectText, development);
  if (redirectUrl.pathname !== OIDC_CALLBACK_PATH || redirectUrl.search || redirectUrl.hash)
    throw new Error(`OIDC_REDIRECT_URI must be this server's ${OIDC_CALLBACK_PATH}, not "${redirectText}"`);
  const acceptMfa = env.OIDC_ACCEPT_PROVIDER_MFA?.trim() ?? '';
  if (!['', '0', '1'].includes(acceptMfa))
    throw new Error(`OIDC_ACCEPT_PROVIDER_MFA must be 0 or 1, not "${env.OIDC_ACCEPT_PROVIDER_MFA}"`);
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    redirectUri: redirectUrl.href,
    providerName: env.OIDC_PROVIDER_NAME?.trim().slice(0, 60) || issuerUrl.hostname,
    acceptProviderMfa: acceptMfa === '1',
    allowHttp: issuerUrl.protocol === 'http:',
  };
}

function readSafeUrl(name: string, text: string, development: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be an absolute URL, not "${text}"`);
  }
  if (url.username || url.password) throw new Error(`${name} must not carry a user name or password`);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && development && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new Error(
    `${name} must be https (plain http only to 127.0.0.1 or localhost in development), not "${text}"`,
  );
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * What is unsafe about running this configuration on a server database (production): the
 * development key for stored secrets, or a session cookie sent over plain HTTP.
 */
export function productionProblems(config: Config, env: NodeJS.ProcessEnv = process.env): string[] {
  if (config.databaseUrl === null) return [];
  const problems: string[] = [];
  const key = env.PASSAGE_SECRET_KEY?.trim();
  if (!key || key === 'passage-development-secret-key')
    problems.push('PASSAGE_SECRET_KEY is not set: stored secrets are encrypted with the development key');
  if (!config.cookieSecure)
    problems.push('COOKIE_SECURE is not 1: the session cookie may travel over plain HTTP');
  return problems;
}
