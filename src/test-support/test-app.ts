import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createSession, SESSION_COOKIE } from '../modules/auth/sessions.js';
import type { Database } from '../platform/db/database.js';
import { LocalDiskStorage } from '../platform/storage/storage.js';
import { openTestDatabase } from './test-database.js';

/** A running Passage application on a migrated test database, driven through the real HTTP stack. */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Requests made as a signed-in user (a session is opened for them directly). */
  as(user: { id: string }): Promise<Client>;
  /** Requests made without signing in. */
  anonymous: Client;
  close(): Promise<void>;
}

export type Client = {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

function client(app: FastifyInstance, cookie: string | null): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/**
 * Starts the application on a fresh test database; call close() in afterAll. `env` adds
 * configuration; the rate limit is high unless a test sets RATE_LIMIT_PER_MINUTE, since every
 * anonymous request of a test file comes from one address.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    /** A migrated database to run on instead of the suite's test database (closed with the app). */
    database?: Database;
    /** A streaming replica of `database` for reports. */
    replica?: Database;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passage-test-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...options.env,
    }),
    demo: false,
  };
  const app = await buildApp({
    config,
    database,
    replica: options.replica ?? null,
    storage: new LocalDiskStorage(path.join(dataDir, 'documents')),
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    anonymous: client(app, null),
    async as(user) {
      const token = await createSession(database.db, {
        userId: user.id,
        ip: null,
        userAgent: 'test',
        now: new Date(),
      });
      return client(app, `${SESSION_COOKIE}=${token}`);
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
