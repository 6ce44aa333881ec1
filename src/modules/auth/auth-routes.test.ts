import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildMission, TEST_PASSWORD, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  return String(value).split(';')[0]!;
}

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
    const response = await t.anonymous.post('/api/v1/auth/login', {
      email: mission.users.counsellor.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      id: mission.users.counsellor.id,
      missionId: mission.missionId,
      roles: [{ role: 'counsellor', officeId: mission.offices.hague.id }],
    });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: cookieOf(response) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(mission.users.counsellor.email);
  });

  it('refuses a wrong password with 401 problem+json and audits the failure', async () => {
    const response = await t.anonymous.post('/api/v1/auth/login', {
      email: mission.users.manager.email,
      password: 'wrong',
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    const rows = await selectRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where mission_id = ${mission.missionId} and record_id = ${mission.users.manager.id}`,
    );
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed']);
  });

  it('names every invalid field', async () => {
    const response = await t.anonymous.post('/api/v1/auth/login', { email: 1 });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.email', 'body.password']);
  });

  it('limits login attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await t.anonymous.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        // A different account each time: this is the limit per address, not per account.
        payload: { email: `nobody-${i}@test.passage.local`, password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const login = await t.anonymous.post('/api/v1/auth/login', {
      email: mission.users.counsellor.email,
      password: TEST_PASSWORD,
    });
    const cookie = cookieOf(login);
    const logout = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    const me = await t.anonymous.request({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('rejects an unknown session token', async () => {
    const me = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'passage_session=forged' },
    });
    expect(me.statusCode).toBe(401);
  });
});
