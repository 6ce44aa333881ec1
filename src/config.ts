import { readFileSync } from 'node:fs';
import path from 'node:path';
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
    dataDir,
    // Demo users and caseload exist only where nobody can mistake them for real data.
    demo: env.PASSAGE_DEMO === '1' || (databaseUrl === null && env.PASSAGE_DEMO !== '0'),
    demoCases: readCount(env.PASSAGE_DEMO_CASES, 200, 'PASSAGE_DEMO_CASES'),
    cookieSecure: env.COOKIE_SECURE === '1',
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: readVersion(),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}

function readCount(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 100_000)
    throw new Error(`${name} must be a whole number, not "${value}"`);
  return count;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
