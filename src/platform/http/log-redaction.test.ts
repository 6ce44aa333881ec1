import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createSession, SESSION_COOKIE } from '../../modules/auth/sessions.js';
import { buildMission } from '../../test-support/build-mission.js';
import { openTestDatabase } from '../../test-support/test-database.js';
import type { Database } from '../db/database.js';
import { redactUrl } from './log-redaction.js';

let app: FastifyInstance;
let database: Database;
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'passage-log-'));
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }), demo: false };
  app = await buildApp({ config, database, logStream: stream });
  // A query that fails in the database with a person's name and birth date as its parameters.
  app.get('/api/test-failing-query', { config: { access: 'public' } }, async () => {
    await database.db.execute(sql`select ${'Amina Yusuf'}::text, ${'born 1990-04-12'}::date`);
    return {};
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('logs a failed query without its parameters or their values', async () => {
  const response = await app.inject({ method: 'GET', url: '/api/test-failing-query' });
  expect(response.statusCode).toBe(500);
  const log = lines.join('\n');
  expect(log).toContain('Failed query');
  expect(log).toContain('select $1::text, $2::date');
  expect(log).not.toContain('Amina');
  expect(log).not.toContain('1990-04-12');
});

it('logs search URLs without the names searched for', async () => {
  const mission = await buildMission(database.db);
  const token = await createSession(database.db, {
    userId: mission.users.counsellor.id,
    ip: null,
    userAgent: 'test',
    now: new Date(),
  });
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/persons/search?q=Yusuf%20Amina&dateOfBirth=1990-04-12',
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
  });
  expect(response.statusCode).toBeLessThan(500);
  const log = lines.join('\n');
  expect(log).toContain('/api/v1/persons/search?q=[redacted]');
  expect(log).not.toContain('Yusuf');
  expect(log).not.toContain('1990-04-12');
});

it('keeps the parameter names of a URL and drops their values', () => {
  expect(redactUrl('/api/v1/cases?officeId=x&q=Amina')).toBe(
    '/api/v1/cases?officeId=[redacted]&q=[redacted]',
  );
  expect(redactUrl('/api/v1/cases')).toBe('/api/v1/cases');
});
