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
}

const packageJson = path.join(repositoryRoot, 'package.json');

/** Reads the configuration from environment variables, with the defaults of README.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL?.trim() || null,
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
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
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
