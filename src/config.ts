import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WebhookTargetPolicy } from './platform/outbox/channels/webhook-target-policy.js';
import { repositoryRoot } from './platform/paths.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  /** How many AVRR cases the demo caseload has. */
  demoCases: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  version: string;
  /** The daily retention job: anonymise (the default), only count and list (dry-run), or not at all. */
  retentionSchedule: 'anonymise' | 'dry-run' | 'off';
  webhookTargets: WebhookTargetPolicy;
  /** Requests a minute per user, per API key and per anonymous address on the API (0: no limit). */
  rateLimitPerMinute: number;
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
    dataDir,
    // Demo users and caseload exist only where nobody can mistake them for real data.
    demo: env.PASSAGE_DEMO === '1' || (databaseUrl === null && env.PASSAGE_DEMO !== '0'),
    demoCases: readCount(env.PASSAGE_DEMO_CASES, 200, 'PASSAGE_DEMO_CASES'),
    cookieSecure: env.COOKIE_SECURE === '1',
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: readVersion(),
    retentionSchedule: readRetentionSchedule(env.RETENTION_SCHEDULE),
    webhookTargets: readWebhookTargetPolicy(env),
    rateLimitPerMinute: readCount(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE', 1_000_000),
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
