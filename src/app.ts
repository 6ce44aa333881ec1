import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { registerEventSubscribers } from './event-subscribers.js';
import { resolveSessionActor } from './modules/auth/resolve-session-actor.js';
import { registerModules } from './modules/index.js';
import { resolveApiKeyActor } from './modules/partners/resolve-api-key.js';
import type { Database } from './platform/db/database.js';
import { ReportReader } from './platform/db/report-reader.js';
import { frameworkErrors, registerProblemHandlers } from './platform/http/error-handler.js';
import { logSerializers } from './platform/http/log-redaction.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { rateLimitOptions } from './platform/http/rate-limits.js';
import { registerRequestGuards } from './platform/http/request-guards.js';
import { registerRouteAccess } from './platform/http/route-access.js';
import { registerWebApp } from './platform/http/web-app.js';
import { registerIdempotency } from './platform/idempotency/idempotency.js';
import { newId } from './platform/ids.js';
import { repositoryRoot } from './platform/paths.js';
import { LocalDiskStorage, type Storage } from './platform/storage/storage.js';
import { MAX_UPLOAD_BYTES } from './platform/storage/upload-limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Where reports, exports, the annual report and the dashboard read: a replica when one is set and current. */
    reportReader: ReportReader;
    storage: Storage;
    config: Config;
  }
}

/** Builds the Passage HTTP application on an open, migrated database. */
export async function buildApp(options: {
  config: Config;
  database: Database;
  /** A streaming replica of `database` for reports (DATABASE_REPLICA_URL). */
  replica?: Database | null;
  storage?: Storage;
  logger?: boolean;
  /** Where the log goes (standard output when left out); tests read it. */
  logStream?: NodeJS.WritableStream;
  webRoot?: string;
}): Promise<FastifyInstance> {
  const { config, database } = options;
  registerEventSubscribers();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            serializers: logSerializers,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    frameworkErrors,
    genReqId: () => newId(),
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: 1024 * 1024,
  });
  app.decorate('database', database);
  app.decorate(
    'reportReader',
    new ReportReader(database, options.replica ?? null, {
      maxLagMs: config.replicaMaxLagSeconds * 1000,
      log: app.log,
    }),
  );
  app.decorate('storage', options.storage ?? new LocalDiskStorage(path.join(config.dataDir, 'documents')));
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(rateLimit, rateLimitOptions(config.rateLimitPerMinute));
  registerRequestGuards(app);
  registerRouteAccess(app, resolveSessionActor, { resolveApiKey: resolveApiKeyActor });
  registerIdempotency(app, database);
  const webRoot = options.webRoot ?? path.join(repositoryRoot, 'dist', 'web');
  const webApp = await registerWebApp(app, webRoot);
  registerProblemHandlers(app, { webApp });
  await registerOpenApi(app, config.version);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness and the kind of database in use' },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok', database: database.kind, version: config.version };
    },
  );
  await app.register(registerModules, { prefix: '/api/v1' });
  return app;
}

// A hop count trusts that many proxies nearest to Passage, whatever their address; the addresses of
// X-Forwarded-For beyond them are the client's own claim and are never used.
function trustedProxies(
  setting: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
