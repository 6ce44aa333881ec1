import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, productionProblems } from '../../config.js';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { deleteExpiredSessions } from './expired-sessions.js';
import { sessions } from './schema.js';
import { createSession, SESSION_IDLE_MS, SESSION_MAX_MS } from './sessions.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

it('deletes sessions past their end or idle too long, and keeps live ones', async () => {
  const mission = await buildMission(t.database.db);
  const userId = mission.users.counsellor.id;
  const now = new Date();
  const db = t.database.db;
  await createSession(db, {
    userId,
    ip: null,
    userAgent: 'old',
    now: new Date(now.getTime() - SESSION_MAX_MS - 1000),
  });
  await createSession(db, {
    userId,
    ip: null,
    userAgent: 'idle',
    now: new Date(now.getTime() - SESSION_IDLE_MS - 1000),
  });
  await createSession(db, { userId, ip: null, userAgent: 'live', now });
  expect(await deleteExpiredSessions(db, now)).toBeGreaterThanOrEqual(2);
  const left = await db
    .select({ userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  expect(left.map((row) => row.userAgent)).toEqual(['live']);
});

it('names what is unsafe on a server database: the development key, a cookie without Secure', () => {
  const server = { DATABASE_URL: 'postgres://db/passage', DATA_DIR: '/tmp' };
  expect(productionProblems(loadConfig(server), server)).toHaveLength(2);
  const safe = { ...server, PASSAGE_SECRET_KEY: 'a-real-key', COOKIE_SECURE: '1' };
  expect(productionProblems(loadConfig(safe), safe)).toEqual([]);
  const embedded = { DATA_DIR: '/tmp' };
  expect(productionProblems(loadConfig(embedded), embedded)).toEqual([]);
});
