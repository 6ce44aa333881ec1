import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  cookieSecure: boolean;
  logLevel: string;
}

/** Reads the configuration from environment variables, with the defaults of README.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    // Demo users and caseload exist only where nobody can mistake them for real data.
    demo: env.PASSAGE_DEMO === '1' || (databaseUrl === null && env.PASSAGE_DEMO !== '0'),
    cookieSecure: env.COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
